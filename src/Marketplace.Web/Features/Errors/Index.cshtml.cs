using System.Diagnostics;
using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Web.Features.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Web.Features.Errors;

/// <summary>
/// The product's error page, reached by re-execution (an exception, or an empty 4xx/5xx answer) with whatever method
/// the failed request had, so it must accept any method, no antiforgery token, no sign-in and no rate limit. It never
/// shows an exception's text, except a refused business rule's message, which was written for the user.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken, DisableRateLimiting]
public sealed class IndexModel(TimeProvider clock) : PageModel
{
    public int Status { get; private set; }
    public Text? Rule { get; private set; }
    public int? RetryAfterSeconds { get; private set; }
    public DateTimeOffset? RetryAt { get; private set; }
    public string TraceId { get; private set; } = "";

    /// <summary>Runs whatever handler was (or was not) selected: a re-executed POST ?handler=Sign has none here.</summary>
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var code = RouteData.Values["code"] is string text && int.TryParse(text, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        // Opened directly (a bookmark of /Errors/404): show that page with its status, anything else as not found.
        if (!reExecuted && failure is null) Response.StatusCode = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        Status = Response.StatusCode;
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Rule = failure switch
        {
            DomainRulesException rules => rules.All[0].Text,
            DomainRuleException rule => rule.Text,
            ForbiddenActionException forbidden => forbidden.Text,
            _ => null,
        };
        RetryAfterSeconds = failure is not null ? ProblemDetailsExceptionHandler.RetryAfter(failure)
            : HttpContext.Items[ErrorPages.RetryAfterItem] as int?;
        if (RetryAfterSeconds is { } seconds)
        {
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            RetryAt = BusinessCalendar.ToChinaTime(clock.GetUtcNow().AddSeconds(seconds));
        }
        Response.Headers.CacheControl = "no-store";
    }
}
