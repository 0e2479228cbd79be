using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Web.Platform;

public sealed class ApiForgeryOptions
{
    /// <summary>Other sites allowed to write to the API with a visitor's sign-in cookie (none by default).</summary>
    public string[] TrustedOrigins { get; set; } = [];
}

/// <summary>
/// The API accepts the site's sign-in cookie, so a page on another site could post to it in a visitor's name (JSON
/// needs a preflight, but forms and multipart do not, and SameSite=Lax is the only other guard). A write to
/// <c>/api</c> carried by the cookie must therefore come from this site — a same-origin <c>Origin</c> header, which
/// browsers send with every cross-origin and every non-GET fetch — or carry the antiforgery token the pages hold
/// (header <c>RequestVerificationToken</c>). Bearer-token clients are not browsers and are not affected.
/// </summary>
public static class ApiForgery
{
    public const string TokenHeader = "RequestVerificationToken";

    public static WebApplicationBuilder AddApiForgery(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiForgeryOptions>().BindConfiguration("ApiForgery");
        builder.Services.AddAntiforgery(o => o.HeaderName = TokenHeader);
        return builder;
    }

    /// <summary>After authentication (whose scheme decided cookie or bearer), before any handler.</summary>
    public static IApplicationBuilder UseApiForgeryCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!NeedsCheck(context) || await AllowedAsync(context))
        {
            await next();
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var t = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource>>();
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["origin"] = [t["A signed-in browser's write must come from this site or carry its antiforgery token."]],
            })
            { Status = StatusCodes.Status403Forbidden, Title = t["Forbidden"] },
        });
    });

    private static bool NeedsCheck(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        // Bearer-token clients send their credential themselves; a forged cross-site request cannot.
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        return context.User.Identity?.IsAuthenticated == true;
    }

    private static async Task<bool> AllowedAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            var own = $"{context.Request.Scheme}://{context.Request.Host}";
            var trusted = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiForgeryOptions>>().Value.TrustedOrigins;
            // A foreign (or "null") Origin is refused even with a token: no page of another site should hold one.
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || trusted.Contains(origin, StringComparer.OrdinalIgnoreCase);
        }
        return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }
}
