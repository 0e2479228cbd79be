using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>Builds listing responses with their patent and organisation, and reads a listing's history.</summary>
public sealed class ListingReader(MarketplaceDb db, TimeProvider clock, PatentFacts facts)
{
    public async Task<ListingResponse> DescribeAsync(Listing listing, CancellationToken ct)
    {
        var patent = await db.Patents.AsNoTracking().SingleAsync(p => p.Id == listing.PatentId, ct);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == listing.OrganizationId, ct);
        var today = BusinessCalendar.Today(clock);
        return ListingViews.Describe(listing, patent, organization.NameZh, organization.NameEn, facts.IsSleeping(patent, organization.Type, today), today);
    }

    public Task<List<StatusChange>> HistoryAsync(Guid id, CancellationToken ct) => AuditQuery.HistoryAsync(db, ListingService.AuditEntity, id, ct);
}
