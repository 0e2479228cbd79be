using Marketplace.Domain.Common;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Needs;

/// <summary>Need responses with the enterprise's names, and the status as of today (a passed deadline reads as Expired at once).</summary>
public sealed class NeedReader(MarketplaceDb db, TimeProvider clock)
{
    public async Task<NeedResponse> DescribeAsync(TechnologyNeed need, CancellationToken ct) => (await DescribeAsync([need], ct))[0];

    public async Task<IReadOnlyList<NeedResponse>> DescribeAsync(IReadOnlyList<TechnologyNeed> needs, CancellationToken ct)
    {
        var ids = needs.Select(n => n.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.NameZh, o.NameEn }).ToDictionaryAsync(o => o.Id, ct);
        var today = BusinessCalendar.Today(clock);
        return needs.Select(n => new NeedResponse(n.Id, n.StatusOn(today), n.Details, n.ReviewComment, n.OrganizationId,
            names[n.OrganizationId].NameZh, names[n.OrganizationId].NameEn, n.CreatedAt, n.UpdatedAt, n.PublishedAt, n.Version)).ToList();
    }
}
