using System.Text.Json;
using Marketplace.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Features.Platform;

/// <summary>Thrown by handlers when the object does not exist for this caller (including "not yours").</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>Thrown when a client must wait before trying again (too many failed sign-ins); a 429 with Retry-After.</summary>
public sealed class TooManyAttemptsException(string message, int retryAfterSeconds) : Exception(message)
{
    public int RetryAfterSeconds { get; } = Math.Max(1, retryAfterSeconds);
}

/// <summary>
/// The one place that turns known exceptions into RFC 9457 problem details: rule violations name their field,
/// stale writes are 409, unknown objects 404. Anything else stays a 500 and is logged by the framework.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // A browser's page gets the product's error page instead (Features/Errors), mapped by the same Map.
        if (Errors.ErrorPages.WantsHtml(context.Request)) return false;
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

    /// <summary>Seconds to wait before trying again, for the answers that have one (503, 429).</summary>
    public static int? RetryAfter(Exception exception) => exception switch
    {
        TooManyAttemptsException many => many.RetryAfterSeconds,
        _ when Map(exception)?.Status == 503 => 5,
        _ => null,
    };

    internal static ProblemDetails? Map(Exception exception) => exception switch
    {
        DomainRuleException rule => Invalid(rule.IsConflict ? 409 : 400, rule.Field, rule.Message),
        ForbiddenActionException forbidden => Invalid(403, forbidden.Field, forbidden.Message),
        NotFoundException missing => new ProblemDetails { Status = 404, Title = "Not found", Detail = missing.Message },
        TooManyAttemptsException many => new ProblemDetails { Status = 429, Title = "Too many requests", Detail = many.Message },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = 409, Title = "Conflict",
            Detail = "The record was changed by someone else since you read it. Reload it and try again.",
        },
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique } =>
            Invalid(409, UniqueField(unique.ConstraintName), "A record with this value already exists."),
        BadHttpRequestException { InnerException: JsonException json } =>
            Invalid(400, JsonField(json.Path), "This value could not be read: " + json.Message),
        // A multipart body over the form limits, or a broken one.
        InvalidDataException broken => Invalid(400, "body", "The uploaded form could not be read: " + broken.Message),
        // The database is unreachable (restarting, failing over): a clear "try again shortly", not a 500.
        _ when Unavailable(exception) => new ProblemDetails
        {
            Status = 503, Title = "Service unavailable",
            Detail = "The database cannot be reached just now. Nothing was saved; try again in a few seconds.",
        },
        BadHttpRequestException unbound when BindingFailure.Field(unbound) is { } field => Invalid(unbound.StatusCode, field, unbound.Message),
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
        _ => null,
    };

    private static bool Unavailable(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } or TimeoutException => true,
        DbUpdateException or InvalidOperationException when exception.InnerException is { } inner => Unavailable(inner),
        _ => false,
    };

    private static HttpValidationProblemDetails Invalid(int status, string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = status switch { 409 => "Conflict", 403 => "Forbidden", _ => "One or more validation errors occurred." },
            Detail = message,
        };

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
