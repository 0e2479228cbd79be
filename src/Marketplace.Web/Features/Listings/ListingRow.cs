using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>
/// A listing with its patent and the offering organisation's names and type: what the catalog and the search
/// indexer both read. A member-initialised class, not a positional record: EF translates filters through object
/// initialisers only.
/// </summary>
public sealed class ListingRow
{
    public required Listing Listing { get; init; }
    public required Patent Patent { get; init; }
    public required string NameZh { get; init; }
    public string? NameEn { get; init; }
    public OrganizationType OwnerType { get; init; }

    /// <param name="listings">The listings to read, already filtered on their own columns; all of them by default.</param>
    public static IQueryable<ListingRow> Query(MarketplaceDb db, IQueryable<Listing>? listings = null) =>
        from l in listings ?? db.Listings.AsNoTracking()
        join p in db.Patents.AsNoTracking() on l.PatentId equals p.Id
        join o in db.Organizations.AsNoTracking() on l.OrganizationId equals o.Id
        select new ListingRow { Listing = l, Patent = p, NameZh = o.NameZh, NameEn = o.NameEn, OwnerType = o.Type };
}
