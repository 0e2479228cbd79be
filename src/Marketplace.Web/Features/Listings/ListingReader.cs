using System.Linq.Expressions;
using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>Builds listing responses with their patent and organisation, and reads a listing's history.</summary>
public sealed class ListingReader(MarketplaceDb db, TimeProvider clock, PatentFacts facts)
{
    /// <summary>A listing the caller may see, with its patent and offering organisation, in one round trip: the
    /// offering office sees its listings in every state, the park office all, others published and suspended ones only.</summary>
    public static readonly Expression<Func<MarketplaceDb, Guid, Guid, bool, IQueryable<ListingDetailRow>>> VisibleDetail =
        (db, id, organizationId, admin) =>
            from l in db.Listings.AsNoTracking()
            join p in db.Patents on l.PatentId equals p.Id
            join o in db.Organizations on l.OrganizationId equals o.Id
            where l.Id == id && (admin || l.OrganizationId == organizationId || l.Status == ListingStatus.Published || l.Status == ListingStatus.Suspended)
            select new ListingDetailRow(l, p, o.NameZh, o.NameEn, o.Type);

    // Compiled once: the hottest read of the catalog skips LINQ translation and its cache lookup on every call.
    private static readonly Func<MarketplaceDb, Guid, Guid, bool, IAsyncEnumerable<ListingDetailRow>> VisibleDetailCompiled =
        EF.CompileAsyncQuery(VisibleDetail);

    public static async Task<ListingDetailRow?> FindDetailAsync(MarketplaceDb db, Guid id, Guid organizationId, bool admin, CancellationToken ct)
    {
        ListingDetailRow? row = null;
        await foreach (var found in VisibleDetailCompiled(db, id, organizationId, admin).WithCancellation(ct)) row = found;
        return row;
    }

    public async Task<ListingResponse> DetailAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) => Describe(await VisibleDetailAsync(caller, id, ct));

    /// <summary>The listing with its patent and organisation if the caller may see it (visibility decided once, in the query).</summary>
    public async Task<ListingDetailRow> VisibleDetailAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) =>
        await FindDetailAsync(db, id, caller.OrganizationId() ?? Guid.Empty, caller.IsInRole(Roles.ParkAdmin), ct)
        ?? throw new NotFoundException("Listing");

    public ListingResponse Describe(ListingDetailRow row)
    {
        var today = BusinessCalendar.Today(clock);
        return ListingViews.Describe(row.Listing, row.Patent, row.NameZh, row.NameEn, facts.IsSleeping(row.Patent, row.OrganizationType, today), today);
    }

    public async Task<ListingResponse> DescribeAsync(Listing listing, CancellationToken ct)
    {
        var patent = await db.Patents.AsNoTracking().SingleAsync(p => p.Id == listing.PatentId, ct);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == listing.OrganizationId, ct);
        var today = BusinessCalendar.Today(clock);
        return ListingViews.Describe(listing, patent, organization.NameZh, organization.NameEn, facts.IsSleeping(patent, organization.Type, today), today);
    }

    public Task<List<StatusChange>> HistoryAsync(Guid id, CancellationToken ct) => AuditHistory.HistoryAsync(db, ListingService.AuditEntity, id, ct);
}

public sealed record ListingDetailRow(Listing Listing, Patent Patent, string NameZh, string? NameEn, OrganizationType OrganizationType);
