using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Accounts;

/// <summary>
/// Every password sign-in — the page and <c>POST /api/auth/login</c>, whatever the address's case or trailing slash —
/// goes through <see cref="SignInThrottle"/>: refused while too many attempts failed, counted when it fails.
/// </summary>
public sealed class ThrottledSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation, SignInThrottle throttle)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var ct = Context.RequestAborted;
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        await throttle.EnsureAllowedAsync(userName, address, ct);
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        // A right password that still needs the second factor is not a guess.
        if (result.Succeeded || result.RequiresTwoFactor) await throttle.RecordSuccessAsync(userName, ct);
        else await throttle.RecordFailureAsync(userName, address, ct);
        return result;
    }
}
