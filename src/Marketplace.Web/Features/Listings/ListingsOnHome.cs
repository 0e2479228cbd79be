using System.Security.Claims;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>A few listings under a heading on a home page; the texts are resource keys.</summary>
public sealed record ListingTiles(string Heading, IReadOnlyList<ListingResponse> Items, string? Empty = null, string? MoreHref = null,
    string? MoreText = null, int InReview = 0);

/// <summary>The market's newest listings, first on the public home page.</summary>
public sealed class RecentListingsOnHome(CatalogQuery catalog, CatalogTotals kept) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Public;
    public int Order => 10;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        var recent = await kept.KeepAsync("home.recent", HomeSections.PublicLifetime,
            () => catalog.RunAsync(caller, new CatalogFilter { PageSize = ListingsOnHome.Few }, ct));
        return new(ListingsOnHome.Partial, new ListingTiles("Recently published", recent.Items, MoreHref: "/Listings", MoreText: "The whole catalog"));
    }
}

/// <summary>Sleeping patents on offer: the plan's first concern, second on the public home page.</summary>
public sealed class SleepingListingsOnHome(CatalogQuery catalog, CatalogTotals kept) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Public;
    public int Order => 20;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        var sleeping = await kept.KeepAsync("home.sleeping", HomeSections.PublicLifetime,
            () => catalog.RunAsync(caller, new CatalogFilter { Sleeping = true, PageSize = ListingsOnHome.Few }, ct));
        return new(ListingsOnHome.Partial, new ListingTiles("Sleeping patents waiting for a user", sleeping.Items,
            MoreHref: "/Listings?Sleeping=true", MoreText: "All sleeping patents"));
    }
}

/// <summary>An office's listings sent back for rework or still drafts, and how many the park office is reviewing.</summary>
public sealed class ListingsToChangeOnHome(CatalogQuery catalog) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Office;
    public int Order => 10;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        var rework = await catalog.RunAsync(caller, new CatalogFilter { Mine = true, Status = ListingStatus.Rework, PageSize = ListingsOnHome.Few }, ct);
        var drafts = await catalog.RunAsync(caller, new CatalogFilter { Mine = true, Status = ListingStatus.Draft, PageSize = ListingsOnHome.Few }, ct);
        var inReview = await catalog.RunAsync(caller, new CatalogFilter { Mine = true, Status = ListingStatus.PendingReview, PageSize = 1 }, ct);
        return new(ListingsOnHome.Partial, new ListingTiles("Listings waiting for your changes", [.. rework.Items, .. drafts.Items],
            Empty: "Nothing to change.", InReview: inReview.Total));
    }
}

/// <summary>The park office's count of listings waiting for its review.</summary>
public sealed class ListingsToReviewOnHome(MarketplaceDb db) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Park;
    public int Order => 10;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct) =>
        HomeSections.Counter(await db.Listings.CountAsync(l => l.Status == ListingStatus.PendingReview, ct), "listings to review", "/Listings/Moderation");
}

public static class ListingsOnHome
{
    public const int Few = 5;
    public const string Partial = "/Features/Listings/_HomeListings.cshtml";

    public static IServiceCollection AddListingsOnHome(this IServiceCollection services) => services
        .AddHomeSection<RecentListingsOnHome>().AddHomeSection<SleepingListingsOnHome>()
        .AddHomeSection<ListingsToChangeOnHome>().AddHomeSection<ListingsToReviewOnHome>();
}
