using System.Security.Claims;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Marketplace.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Needs;

/// <summary>Matches under a heading, with what to say when there are none (resource keys).</summary>
public sealed record HomeMatches(string Heading, string Empty, IReadOnlyList<MatchResponse> Matches);

/// <summary>The patents that fit an enterprise's open needs: first on its home page.</summary>
public sealed class EnterpriseMatchesOnHome(MatchReader matches, MarketplaceDb db) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Enterprise;
    public int Order => 10;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        var fits = await matches.RecommendedAsync(caller, NeedsOnHome.Few, ct);
        // What to say when nothing fits is asked only then: a page with matches takes one statement.
        var organizationId = caller.OrganizationId();
        var openNeeds = fits.Count > 0 || await db.Needs.AnyAsync(n => n.OrganizationId == organizationId && n.Status == NeedStatus.Open, ct);
        return new(NeedsOnHome.Partial, new HomeMatches("Patents that fit your needs",
            openNeeds ? "Nothing fits your open needs yet; new listings are matched as they are published." : "Post a need and the platform finds the patents that fit it.",
            fits));
    }
}

/// <summary>The open needs an office's listings fit: last on its home page.</summary>
public sealed class OfficeMatchesOnHome(MatchReader matches) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Office;
    public int Order => 30;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct) =>
        new(NeedsOnHome.Partial, new HomeMatches("Needs your patents fit", "No open need fits your listings yet.",
            await matches.RecommendedAsync(caller, NeedsOnHome.Few, ct)));
}

/// <summary>The park office's count of needs waiting for its review.</summary>
public sealed class NeedsToReviewOnHome(MarketplaceDb db) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Park;
    public int Order => 20;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct) =>
        HomeSections.Counter(await db.Needs.CountAsync(n => n.Status == NeedStatus.PendingReview, ct), "needs to review", "/Needs?show=review");
}

public static class NeedsOnHome
{
    public const int Few = 5;
    public const string Partial = "/Features/Needs/_HomeMatches.cshtml";

    public static IServiceCollection AddNeedsOnHome(this IServiceCollection services) => services
        .AddHomeSection<EnterpriseMatchesOnHome>().AddHomeSection<OfficeMatchesOnHome>().AddHomeSection<NeedsToReviewOnHome>();
}
