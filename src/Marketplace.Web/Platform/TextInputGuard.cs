using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Platform;

/// <summary>
/// JSON bodies are checked by <see cref="StorableTextConverter"/>; this checks what else arrives as text — query
/// strings (API filters, page links) and url-encoded form posts (Razor forms) — before any handler runs, and answers
/// 400 naming the parameter. Multipart bodies are left to their endpoints, which own their size limits and check
/// their own text fields.
/// </summary>
internal static class TextInputGuard
{
    public static IApplicationBuilder UseTextInputGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // The error page shown for a refused request is re-executed with the same body: it is let through.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }
        var bad = Unstorable(request.Query, "query");
        if (bad is null && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            bad = await UnstorableFormFieldAsync(request, context.RequestAborted);
        if (bad is null)
        {
            await next();
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        // A browser gets the 400 page (status-code pages); an API client the problem naming the field.
        if (ErrorPages.WantsHtml(request)) return;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [bad] = [TextInput.Message] })
            {
                Status = StatusCodes.Status400BadRequest, Detail = TextInput.Message,
            },
        });
    });

    /// <summary>
    /// The framework's form reader refuses NUL as well, but as "the form value contains invalid characters", naming
    /// no field (and antiforgery, reading first, turns that into a bare 400). The buffered body is parsed again to
    /// find the field. Any other unreadable form goes on to the exception handler.
    /// </summary>
    private static async Task<string?> UnstorableFormFieldAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        try
        {
            await request.ReadFormAsync(ct);
            return null;
        }
        catch (InvalidDataException)
        {
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            if (Unstorable(QueryHelpers.ParseQuery(await reader.ReadToEndAsync(ct)), "form") is { } field) return field;
            throw;
        }
    }

    /// <summary>The first parameter holding unstorable text; a broken parameter name is reported as the whole query or form.</summary>
    private static string? Unstorable(IEnumerable<KeyValuePair<string, StringValues>> values, string whole)
    {
        foreach (var (key, value) in values)
        {
            if (!TextInput.IsStorable(key)) return whole;
            foreach (var text in value)
                if (!TextInput.IsStorable(text)) return key;
        }
        return null;
    }
}
