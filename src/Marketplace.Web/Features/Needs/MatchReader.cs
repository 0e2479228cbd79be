using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Listings;
using Marketplace.Web.Features.Patents;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Needs;

/// <summary>Reads stored matches for pages and the API; nothing here computes a score.</summary>
public sealed class MatchReader(MarketplaceDb db, MatchExplanation explanation, PatentFacts facts, TimeProvider clock)
{
    private sealed class MatchRow
    {
        public required NeedMatch Match { get; init; }
        public required TechnologyNeed Need { get; init; }
        public required ListingRow Row { get; init; }
        public string? EnterpriseNameZh { get; init; }
    }

    private IQueryable<MatchRow> Rows() =>
        from m in db.NeedMatches.AsNoTracking()
        join n in db.Needs.AsNoTracking() on m.NeedId equals n.Id
        join o in db.Organizations.AsNoTracking() on n.OrganizationId equals o.Id
        join row in ListingRow.Query(db) on m.ListingId equals row.Listing.Id
        where row.Listing.Status == ListingStatus.Published && n.Status == NeedStatus.Open
        select new MatchRow { Match = m, Need = n, Row = row, EnterpriseNameZh = o.NameZh };

    /// <summary>A need's listings, best first. The caller has already been allowed to see the need.</summary>
    public async Task<IReadOnlyList<MatchResponse>> ForNeedAsync(Guid needId, CancellationToken ct) =>
        Describe(await Rows().Where(r => r.Match.NeedId == needId).OrderByDescending(r => r.Match.Score).ToListAsync(ct), showEnterprise: true);

    /// <summary>The needs a listing fits, for its own organisation (public needs only) or the park office (all).</summary>
    public async Task<IReadOnlyList<MatchResponse>> ForListingAsync(ClaimsPrincipal caller, Guid listingId, CancellationToken ct)
    {
        var admin = caller.IsInRole(Roles.ParkAdmin);
        var organizationId = caller.OrganizationId();
        if (!await db.Listings.AnyAsync(l => l.Id == listingId && (admin || l.OrganizationId == organizationId), ct))
            throw new NotFoundException("Listing");
        var rows = await Rows().Where(r => r.Match.ListingId == listingId && (admin || r.Need.Visibility == NeedVisibility.Public))
            .OrderByDescending(r => r.Match.Score).ToListAsync(ct);
        return Describe(rows, showEnterprise: true);
    }

    /// <summary>"Recommended for you": an enterprise's best listings across its open needs; an office's best needs across its listings.</summary>
    public async Task<IReadOnlyList<MatchResponse>> RecommendedAsync(ClaimsPrincipal caller, int take, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        if (organizationId is null) return [];
        var rows = await Rows()
            .Where(r => r.Need.OrganizationId == organizationId || (r.Row.Listing.OrganizationId == organizationId && r.Need.Visibility == NeedVisibility.Public))
            .OrderByDescending(r => r.Match.Score).Take(take).ToListAsync(ct);
        return Describe(rows, showEnterprise: true);
    }

    /// <summary>For the park office: open needs nothing fits, and published sleeping patents no need fits.</summary>
    public async Task<UnmatchedResponse> UnmatchedAsync(NeedReader needs, CancellationToken ct)
    {
        var lonelyNeeds = await db.Needs.AsNoTracking()
            .Where(n => n.Status == NeedStatus.Open && !db.NeedMatches.Any(m => m.NeedId == n.Id))
            .OrderBy(n => n.Deadline).Take(200).ToListAsync(ct);
        var lonelyListings = await ListingRow.Query(db)
            .Where(r => r.Listing.Status == ListingStatus.Published && !db.NeedMatches.Any(m => m.ListingId == r.Listing.Id))
            .OrderBy(r => r.Listing.PublishedAt).Take(1000).ToListAsync(ct);
        var today = BusinessCalendar.Today(clock);
        var sleeping = lonelyListings.Where(r => facts.IsSleeping(r.Patent, r.OwnerType, today)).Take(200)
            .Select(r => new UnmatchedListing(r.Listing.Id, r.Patent.ApplicationNumber.ToString(), r.Patent.TitleZh, r.Patent.TitleEn, r.NameZh, r.Listing.PublishedAt))
            .ToList();
        return new UnmatchedResponse(await needs.DescribeAsync(lonelyNeeds, ct), sleeping);
    }

    private List<MatchResponse> Describe(IEnumerable<MatchRow> rows, bool showEnterprise) => rows.Select(r => new MatchResponse(
        r.Need.Id, r.Need.Details.Title, r.Row.Listing.Id, r.Row.Patent.Id, r.Row.Patent.TitleZh, r.Row.Patent.TitleEn, r.Row.NameZh, r.Row.NameEn,
        showEnterprise && r.Need.Visibility == NeedVisibility.Public ? r.EnterpriseNameZh : null,
        r.Match.Score, r.Match.Reasons, explanation.Explain(r.Match.Reasons), r.Match.ComputedAt)).ToList();
}
