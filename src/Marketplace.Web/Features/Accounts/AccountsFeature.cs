using System.Threading.RateLimiting;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Accounts;

public sealed class AuthRateLimitOptions
{
    /// <summary>Posts per client address and endpoint in each window for registration and the account endpoints other
    /// than sign-in (which counts failures instead: <see cref="SignInThrottle"/>).</summary>
    public int PermitLimit { get; set; } = 10;
    public int WindowSeconds { get; set; } = 60;
}

public static class AccountsFeature
{
    public const string AuthRateLimit = IdentityPolicies.AuthRateLimit;
    public const string VerifiedOrganization = IdentityPolicies.VerifiedOrganization;
    private const string SmartScheme = "Marketplace";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(PolicyPasswordValidator.LoadPolicy());

        // API clients (a bank's system) send a bearer token; browsers carry the Identity cookie.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(o =>
            {
                // Composition rules are off on purpose (ASVS v5): PolicyPasswordValidator checks length and the common list.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequiredLength = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<MarketplaceDb>()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()
            // After AddApiEndpoints, which registers the plain SignInManager again.
            .AddSignInManager<ThrottledSignInManager>()
            .AddClaimsPrincipalFactory<MarketplaceClaimsFactory>()
            .AddPasswordValidator<PolicyPasswordValidator>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Accounts/AccessDenied";
            o.Cookie.Name = AuthCookies.SignIn;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API callers get status codes, not a redirect to the login page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ValidateStampWhenDue;
        });

        services.AddOptions<TwoFactorOptions>().BindConfiguration("Accounts:TwoFactor");
        services.AddScoped<IAuthorizationHandler, VerifiedOrganizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(VerifiedOrganization, p => p.RequireAuthenticatedUser().AddRequirements(new VerifiedOrganizationRequirement()))
            .AddPolicy(Roles.ParkAdmin, p => p.RequireRole(Roles.ParkAdmin));

        services.AddOptions<AuthRateLimitOptions>().BindConfiguration("RateLimiting:Auth");
        services.AddOptions<SignInThrottleOptions>().BindConfiguration("SignIn:Throttle");
        services.AddScoped<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.WriteAsync;
            o.AddPolicy(AuthRateLimit, context =>
            {
                // Page views are free, and sign-in counts its failures instead; everything else is keyed on the endpoint
                // matched (routing ignores case and a trailing slash, so must the key: /API/Auth/Login/ is /api/auth/login).
                var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.Trim('/').ToLowerInvariant() ?? "";
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || endpoint == "api/auth/login")
                    return RateLimitPartition.GetNoLimiter("free");
                var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthRateLimitOptions>>().Value;
                var key = $"{context.Connection.RemoteIpAddress}|{endpoint}";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    /// <summary>
    /// Identity's check that the cookie's security stamp still matches the account (a password change or a sign-out
    /// everywhere ends other sessions), only when the cookie is old enough for the check to be due. Identity resolves
    /// its validator on every request to find that out, and with it a sign-in manager, a user manager and a database
    /// context: about 2 % of a signed-in page's CPU (profiled on the home page, 2026-12-08).
    /// </summary>
    private static Task ValidateStampWhenDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? services.GetRequiredService<TimeProvider>()).GetUtcNow();
        return context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval
            ? Task.CompletedTask
            : SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
