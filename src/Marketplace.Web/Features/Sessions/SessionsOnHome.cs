using System.Security.Claims;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Features.Sessions;

/// <summary>The next session open for registration or under way, or none.</summary>
public sealed record NextSession(MatchmakingSession? Session);

/// <summary>The next matchmaking session, third on the public home page.</summary>
public sealed class NextSessionOnHome(MarketplaceDb db, IMemoryCache cache) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Public;
    public int Order => 30;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        var next = await cache.GetOrCreateAsync("home.next-session", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = HomeSections.PublicLifetime;
            return db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Open || s.Status == SessionStatus.Live)
                .OrderBy(s => s.StartsAt).FirstOrDefaultAsync(ct);
        });
        return new("/Features/Sessions/_HomeNextSession.cshtml", new NextSession(next));
    }
}

/// <summary>The park office's count of registrations waiting for its decision.</summary>
public sealed class RegistrationsToDecideOnHome(MarketplaceDb db) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Park;
    public int Order => 40;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct) =>
        HomeSections.Counter(await db.SessionRegistrations.CountAsync(r => r.Status == RegistrationStatus.Pending, ct),
            "session registrations to decide", "/Sessions");
}
