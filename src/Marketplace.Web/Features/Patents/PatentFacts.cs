using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Patents;

public sealed class CatalogOptions
{
    /// <summary>A patent granted this many years ago and never transacted counts as sleeping even when an
    /// enterprise owns it.</summary>
    public int IdleYears { get; set; } = 3;
}

/// <summary>
/// What a patent response needs beyond the aggregate: owner names and types (for the sleeping rule), read in one
/// query for a whole page of patents.
/// </summary>
public sealed class PatentFacts(MarketplaceDb db, TimeProvider clock, IOptions<CatalogOptions> options, IStringLocalizer<SharedResource> t)
{
    public DateOnly Today => BusinessCalendar.Today(clock);

    /// <summary>The sleeping-patent rule with the marketplace's facts: the managing owner's type decides
    /// "university-owned" (as in CatalogQuery's SQL filter), and nothing is transacted on the platform yet — the
    /// deals and pledge features will feed that fact.</summary>
    public bool IsSleeping(Patent patent, OrganizationType managerType, DateOnly today) =>
        SleepingPatentRule.IsSleeping(patent, today, managerType == OrganizationType.University, everTransactedOnPlatform: false, options.Value.IdleYears);

    public async Task<IReadOnlyList<PatentResponse>> DescribeAsync(IReadOnlyList<Patent> patents, CancellationToken ct)
    {
        var ids = patents.SelectMany(p => p.Owners.Select(o => o.OrganizationId)).Append(Guid.Empty).Distinct().ToList();
        var owners = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.NameZh, o.NameEn, o.Type }).ToDictionaryAsync(o => o.Id, ct);
        var today = Today;
        return patents.Select(p =>
        {
            var sleeping = owners.TryGetValue(p.OwnerOrganizationId, out var manager) && IsSleeping(p, manager.Type, today);
            var remaining = p.Remaining(today);
            return new PatentResponse(
                p.Id, p.ApplicationNumber, p.Type, p.PublicationNumber, p.TitleZh, p.TitleEn, p.AbstractZh, p.AbstractEn,
                p.IpcCodes, p.MainIpc, p.Inventors,
                p.Owners.Select(o => owners.TryGetValue(o.OrganizationId, out var org)
                    ? new OwnerResponse(o.OrganizationId, org.NameZh, org.NameEn, o.SharePercent, o.ConsentToList)
                    : new OwnerResponse(o.OrganizationId, "?", null, o.SharePercent, o.ConsentToList)).ToList(),
                p.FilingDate, p.GrantDate, p.LegalStatus, p.LapseReason, p.FeesPaidThrough, p.TermEnd,
                new RemainingTermResponse(remaining.Years, remaining.Months, remaining.Days, remaining.Expired),
                p.IsInForce(today), sleeping, p.WhyNotListable(today) is { } why ? t.Say(why) : null, p.OwnerOrganizationId, p.Version);
        }).ToList();
    }

    public async Task<PatentResponse> DescribeAsync(Patent patent, CancellationToken ct) => (await DescribeAsync([patent], ct))[0];
}
