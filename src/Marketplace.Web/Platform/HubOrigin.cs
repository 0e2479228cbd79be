namespace Marketplace.Web.Platform;

/// <summary>
/// Hubs accept the sign-in cookie, so a page on another site could open one in a visitor's name (cross-site
/// WebSocket hijacking: the same-origin policy does not cover WebSocket handshakes, and CORS does not apply to
/// them). Browsers always send Origin on WebSocket and cross-origin requests: it must be this site or one
/// configured. Clients that are not browsers send none and authenticate with a bearer token.
/// </summary>
public static class HubOrigin
{
    /// <summary>Refuses the hub's negotiate and connect requests from any origin but this site and <paramref name="allowed"/>.</summary>
    public static HubEndpointConventionBuilder RequireKnownOrigin(this HubEndpointConventionBuilder hub, Func<string[]>? allowed = null)
    {
        hub.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context => Allowed(context, allowed?.Invoke() ?? []) ? inner(context) : RefuseAsync(context);
        });
        return hub;
    }

    private static bool Allowed(HttpContext context, string[] allowed)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) || allowed.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var t = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource>>();
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = t["Forbidden"], Detail = t["This origin may not open this hub."],
            },
        });
    }
}
