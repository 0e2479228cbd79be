using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Features.Platform;

/// <summary>
/// JSON bodies are checked by <see cref="StorableTextConverter"/>; this checks the rest of what arrives as text —
/// query strings (API filters, page links) and url-encoded form posts (Razor forms) — before any handler runs,
/// and answers 400 naming the parameter. Multipart bodies are left to their endpoints, which check their own
/// text fields and own their size limits.
/// </summary>
internal static class TextInputGuard
{
    public static IApplicationBuilder UseTextInputGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var bad = Unstorable(request.Query, "query");
        if (bad is null && request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            bad = Unstorable(await request.ReadFormAsync(context.RequestAborted), "form");
        if (bad is null)
        {
            await next();
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
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
