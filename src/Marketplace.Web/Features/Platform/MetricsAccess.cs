using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Web.Features.Platform;

public sealed class MetricsOptions
{
    /// <summary>A port of its own for <c>/metrics</c> (e.g. 9464, added to <c>ASPNETCORE_HTTP_PORTS</c>), which the load
    /// balancer does not publish; on the site's port <c>/metrics</c> is then not found.</summary>
    public int? Port { get; set; }

    /// <summary>A secret the park office's Prometheus sends as <c>Authorization: Bearer …</c> (from a secret store).</summary>
    public string? Token { get; set; }
}

/// <summary>
/// <c>/metrics</c> names the database's host, user and pool sizes and the traffic of every endpoint: it is for the park
/// office's monitoring only. It is served when a port or a token is configured, and then only on that port and/or
/// with that token; otherwise it is not served at all. Anyone else gets a 404, as for any address that does not exist.
/// </summary>
public static class MetricsAccess
{
    public static IEndpointConventionBuilder RequireMonitoring(this IEndpointConventionBuilder endpoint)
    {
        endpoint.Add(builder =>
        {
            var inner = builder.RequestDelegate!;
            builder.RequestDelegate = context => Allowed(context) ? inner(context) : NotFoundAsync(context);
        });
        return endpoint;
    }

    private static bool Allowed(HttpContext context)
    {
        var o = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value;
        if (o.Port is null && string.IsNullOrEmpty(o.Token)) return false;
        if (o.Port is { } port && context.Connection.LocalPort != port) return false;
        if (string.IsNullOrEmpty(o.Token)) return true;
        var sent = context.Request.Headers.Authorization.ToString();
        var expected = "Bearer " + o.Token;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));
    }

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
