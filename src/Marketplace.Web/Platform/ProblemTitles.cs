using Marketplace.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Platform;

/// <summary>
/// The framework writes some problems itself — the status-code pages' 401, 404 and 405 for <c>/api</c>, a validation
/// problem's default title — with its English titles ("Not Found", "One or more validation errors occurred.").
/// Every problem passes here last, so a title with an entry in the resources reaches the reader in the reader's
/// language; a title already translated, or one without an entry, stays as it is.
/// </summary>
internal static class ProblemTitles
{
    public static void Localize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Title is not { Length: > 0 } title) return;
        if (context.HttpContext.RequestServices.GetService<IStringLocalizer<SharedResource>>() is not { } t) return;
        // The framework's titles are in title case ("Not Found"); the resources keep sentence case ("Not found").
        foreach (var key in (string[])[title, title[..1] + title[1..].ToLowerInvariant()])
        {
            if (t[key] is not { ResourceNotFound: false } translated) continue;
            context.ProblemDetails.Title = translated.Value;
            return;
        }
    }
}
