using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Organizations;

/// <summary>The park office's count of organisations waiting to be verified.</summary>
public sealed class ToVerifyOnHome(MarketplaceDb db) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Park;
    public int Order => 30;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct) =>
        HomeSections.Counter(await db.Organizations.CountAsync(o => !o.IsVerified, ct), "organisations to verify", "/Organizations/Verification");
}
