using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Accounts;

/// <summary>Puts the user's organisation into the sign-in ticket, so per-object checks need no extra query.</summary>
public sealed class MarketplaceClaimsFactory(
    UserManager<AppUser> users, RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    Data.MarketplaceDb db)
    : UserClaimsPrincipalFactory<AppUser, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(users, roles, options)
{
    public const string OrganizationClaim = "org";

    /// <summary>The organisation's type: whether its administrator must use two-factor sign-in depends on it.</summary>
    public const string OrganizationTypeClaim = "orgtype";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrganizationClaim, user.OrganizationId.ToString()));
        var type = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => (Domain.Organizations.OrganizationType?)o.Type));
        if (type is { } known) identity.AddClaim(new Claim(OrganizationTypeClaim, known.ToString()));
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
