using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Features.Shared;

/// <summary>
/// Pager links: the request's own parameters (its filters) with the paging ones replaced. Written as query strings
/// rather than with <c>asp-route-Page</c>, because Razor Pages take the route value "page" for the page itself.
/// </summary>
public static class PageLinks
{
    /// <summary>"?…" with <paramref name="replaced"/> removed (any case) and <paramref name="set"/> appended; "?" when empty.</summary>
    public static string With(IEnumerable<KeyValuePair<string, StringValues>> query, IReadOnlyCollection<string> replaced,
        params KeyValuePair<string, string?>[] set)
    {
        var kept = query.Where(q => !replaced.Contains(q.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        // "?" rather than "": an empty href is the current address, so page 2's link back to page 1 led to page 2.
        var value = QueryString.Create([.. kept, .. set]).Value;
        return string.IsNullOrEmpty(value) ? "?" : value;
    }

    /// <summary>The same request at another page number.</summary>
    public static string Page(IEnumerable<KeyValuePair<string, StringValues>> query, int page) =>
        With(query, ["Page"], new KeyValuePair<string, string?>("Page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
