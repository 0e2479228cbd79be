using Marketplace.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Platform.Identity;

/// <summary>Names every feature uses to protect its endpoints; the Accounts feature registers what they stand for.</summary>
public static class IdentityPolicies
{
    /// <summary>The rate limit on sign-in, registration and other endpoints an attacker would hammer.</summary>
    public const string AuthRateLimit = "auth";

    /// <summary>Signed in, and a member of an organisation the park office has verified.</summary>
    public const string VerifiedOrganization = "VerifiedOrganization";
}

public sealed class VerifiedOrganizationRequirement : IAuthorizationRequirement;

/// <summary>
/// Reads the verified flag from the database rather than from the sign-in ticket, so a verification by the park
/// office takes effect at once for users already signed in.
/// </summary>
public sealed class VerifiedOrganizationHandler(MarketplaceDb db) : AuthorizationHandler<VerifiedOrganizationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, VerifiedOrganizationRequirement requirement)
    {
        if (context.User.OrganizationId() is not { } organizationId) return;
        if (await db.Organizations.AnyAsync(o => o.Id == organizationId && o.IsVerified))
            context.Succeed(requirement);
    }
}
