using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Accounts;

/// <summary>Puts the user's organisation into the sign-in ticket, so per-object checks need no extra query.</summary>
public sealed class MarketplaceClaimsFactory(
    UserManager<AppUser> users, RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(users, roles, options)
{
    public const string OrganizationClaim = "org";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganizationClaim, user.OrganizationId.ToString()));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorEnrolment.Claim, "true"));
        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static Guid? OrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(MarketplaceClaimsFactory.OrganizationClaim), out var id) ? id : null;

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
