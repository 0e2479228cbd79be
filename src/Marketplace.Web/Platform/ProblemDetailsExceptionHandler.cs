using System.Text.Json;
using Marketplace.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Marketplace.Web.Platform;

/// <summary>
/// The one place that turns known exceptions into RFC 9457 problem details: rule violations name their field,
/// stale writes are 409, unknown objects 404. Anything else stays a 500 and is logged by the framework. Titles and
/// messages are said in the request's language (Accept-Language for the API, the culture cookie for pages).
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> t) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // A browser's page gets the product's error page instead (Features/Errors), mapped by the same Map.
        if (ErrorPages.WantsHtml(context.Request)) return false;
        var problem = Map(exception);
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status!.Value;
        if (RetryAfter(exception) is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var written = new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception };
        if (await problems.TryWriteAsync(written)) return true;
        // A client that accepts neither JSON nor HTML (Accept: text/plain) still learns what was wrong.
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null, "application/problem+json", ct);
        return true;
    }

    /// <summary>Seconds to wait before trying again, for the answers that have one (429, 503).</summary>
    public static int? RetryAfter(Exception exception) => exception switch
    {
        TooManyAttemptsException many => many.RetryAfterSeconds,
        _ when Unavailable(exception) => 5,
        _ => null,
    };

    internal ProblemDetails? Map(Exception exception) => exception switch
    {
        DomainRulesException rules => Invalid(400, rules.All.Select(r => (r.Field, t.Say(r.Text)))),
        DomainRuleException rule => Invalid(rule.IsConflict ? 409 : 400, rule.Field, t.Say(rule.Text)),
        ForbiddenActionException forbidden => Invalid(403, forbidden.Field, t.Say(forbidden.Text)),
        NotFoundException missing => new ProblemDetails { Status = 404, Title = t["Not found"], Detail = t.Say(missing.Text) },
        TooManyAttemptsException many => new ProblemDetails { Status = 429, Title = t["Too many requests"], Detail = t.Say(many.Text) },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = 409, Title = t["Conflict"],
            Detail = t["The record was changed by someone else since you read it. Reload it and try again."],
        },
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } =>
            Invalid(409, UniqueField(unique.ConstraintName), t["A record with this value already exists."]),
        // The serializer's own message names .NET types; the reader gets the field and what to check.
        BadHttpRequestException { InnerException: JsonException json } =>
            Invalid(400, JsonField(json.Path), t["The value of {0} could not be read; check its type and format.", JsonField(json.Path)]),
        // A multipart body over the form limits, or a broken one.
        InvalidDataException broken => Invalid(400, "body", t["The uploaded form could not be read: {0}", broken.Message]),
        // The database is unreachable (restarting, failing over): a clear "try again shortly", not a 500.
        _ when Unavailable(exception) => new ProblemDetails
        {
            Status = 503, Title = t["Service unavailable"],
            Detail = t["The database cannot be reached just now. Nothing was saved; try again in a few seconds."],
        },
        BadHttpRequestException unbound when BindingFailure.Field(unbound) is { } field =>
            Invalid(unbound.StatusCode, field, t["The value of {0} could not be read; check its type and format.", field]),
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode, Title = t["Bad request"],
            Detail = bad.StatusCode switch
            {
                413 => t["The request is too large."],
                415 => t["This content type is not accepted."],
                _ => t["The request could not be read."],
            },
        },
        _ => null,
    };

    private static bool Unavailable(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } or TimeoutException => true,
        DbUpdateException or InvalidOperationException when exception.InnerException is { } inner => Unavailable(inner),
        _ => false,
    };

    private HttpValidationProblemDetails Invalid(int status, string field, string message) => Invalid(status, [(field, message)]);

    /// <summary>Every refused field with its messages; the detail repeats the first message for clients that read only it.</summary>
    private HttpValidationProblemDetails Invalid(int status, IEnumerable<(string Field, string Message)> failures)
    {
        var list = failures.ToList();
        return new(list.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray()))
        {
            Status = status,
            Title = status switch { 409 => t["Conflict"], 403 => t["Forbidden"], _ => t["One or more validation errors occurred."] },
            Detail = list[0].Message,
        };
    }

    /// <summary>The field a unique index guards, for the unique indexes a client can run into by racing another.</summary>
    private static string UniqueField(string? constraint) => constraint switch
    {
        Data.Configurations.DealConfiguration.RegistrationNumberIndex => "registrationNumber",
        _ => constraint ?? "unknown",
    };

    /// <summary>"$.type" → "type", "$.owners[0].share" → "owners[0].share".</summary>
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.") ? path[2..] : path;
}
