using System.Security.Claims;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Accounts;

public sealed class TwoFactorOptions
{
    /// <summary>Whether the roles that move money or approve others must enrol before their first action. Off only
    /// for load runs, whose scripted accounts have no authenticator.</summary>
    public bool Required { get; set; } = true;
}

/// <summary>
/// Bank officers, bank approvers and the park office approve loans, verify organisations and moderate the market,
/// so they enrol two-factor sign-in (TOTP) before anything else: pages send them to the enrolment page, the API
/// answers 403 with a problem saying how to enrol. Whether a user has enrolled travels in the sign-in ticket (or
/// bearer token) as <see cref="Claim"/>, refreshed when they turn it on.
/// </summary>
public static class TwoFactorEnrolment
{
    public const string Claim = MarketplaceClaimsFactory.TwoFactorClaim;
    public const string EnrolmentPage = "/Accounts/TwoFactor";

    /// <summary>The roles that move money or approve others; a bank's or the park office's administrator too, who chooses
    /// the officers and approvers (and a bank's lending policy).</summary>
    public static bool RequiredFor(IEnumerable<string> roles, OrganizationType? type = null) =>
        roles.Any(r => r is Roles.BankOfficer or Roles.BankApprover or Roles.ParkAdmin
                       || (r == Roles.OrganizationAdmin && type is OrganizationType.Bank or OrganizationType.ParkOffice));

    public static bool RequiredFor(ClaimsPrincipal user) =>
        user.IsInRole(Roles.BankOfficer) || user.IsInRole(Roles.BankApprover) || user.IsInRole(Roles.ParkAdmin)
        || (user.IsInRole(Roles.OrganizationAdmin) && user.FindFirstValue(MarketplaceClaimsFactory.OrganizationTypeClaim) is
            nameof(OrganizationType.Bank) or nameof(OrganizationType.ParkOffice));

    public static bool IsEnrolled(ClaimsPrincipal user) => user.HasClaim(Claim, "true");

    // Signing in and out, enrolling (page and Identity's API), the language switch, health and the hubs (which
    // authorize each call themselves) stay open, so the way to enrol is never blocked.
    private static readonly string[] Open = ["/Accounts", "/api/auth", "/api/me", "/culture", "/health", "/hubs", "/Error", Platform.ErrorPages.Path];

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        var required = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<TwoFactorOptions>>().Value.Required;
        if (!required || user.Identity?.IsAuthenticated != true || !RequiredFor(user) || IsEnrolled(user)
            || Open.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next();
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = t["Two-factor sign-in required"],
                    Detail = t["Your role needs two-factor sign-in. Enrol an authenticator app first (POST /api/auth/manage/2fa, or the page /Accounts/TwoFactor), then sign in again."],
                    Type = "https://weihai-ip.example/problems/two-factor-required",
                },
            });
            return;
        }
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{EnrolmentPage}?returnUrl={Uri.EscapeDataString(back)}");
    });
}
