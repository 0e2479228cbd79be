using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Platform;

internal static class RateLimitRejection
{
    /// <summary>429 with Retry-After (seconds) and a problem body or page, so both API clients and browsers know when to come back.</summary>
    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken ct)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (ErrorPages.WantsHtml(http.Request))
        {
            // Left empty: the status-code pages render the 429 page in the site's layout, which says when to come back.
            http.Items[ErrorPages.RetryAfterItem] = seconds;
            return;
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var t = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource>>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = t["Too many requests"],
                Detail = t["Too many attempts from this address. Try again in {0} seconds.", seconds],
            },
        });
    }
}
