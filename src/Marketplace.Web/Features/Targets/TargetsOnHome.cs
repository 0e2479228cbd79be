using System.Security.Claims;
using Marketplace.Web.Platform;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Features.Targets;

/// <summary>The plan's figures, last on the public home page (as headlines) and on the park office's (as cards).</summary>
public sealed class TargetsOnHome(TargetsReader targets, IMemoryCache cache) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Public | HomeAudience.Park;
    public int Order => 100;

    /// <summary>The resource key of a plan figure's title, as the dashboard names it.</summary>
    public static string ProgressTitle(string key) => key switch
    {
        "contracted" => "Contracted licence, equity and transfer",
        "received" => "Received",
        "disbursed" => "Disbursed pledge financing",
        _ => "Matchmaking sessions held",
    };

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        // The park office's cards are read fresh; the public headline may be as old as the rest of the public page.
        var progress = audience == HomeAudience.Park
            ? (await targets.ReadAsync(null, detail: false, ct)).Progress
            : await cache.GetOrCreateAsync("home.progress", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = HomeSections.PublicLifetime;
                return (await targets.ReadAsync(null, detail: false, ct)).Progress;
            }) ?? [];
        return new(audience == HomeAudience.Park ? "/Features/Targets/_HomeProgress.cshtml" : "/Features/Targets/_HomeHeadline.cshtml", progress);
    }
}
