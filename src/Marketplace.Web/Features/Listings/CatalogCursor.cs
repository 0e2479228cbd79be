using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Web.Features.Patents;
using Marketplace.Web.Features.Shared;

namespace Marketplace.Web.Features.Listings;

/// <summary>
/// A place in the public catalog's order (newest published first, then newest created, then id): the next page starts
/// after the last row shown, the previous one ends before the first. Reading page 5,000 by OFFSET walks the 99,980
/// rows before it; a cursor starts at its row through the catalog index, so every page costs what page 1 costs.
/// Written as "publishedTicks.createdTicks.id" (UTC ticks; PostgreSQL keeps microseconds, which ticks hold exactly).
/// </summary>
public readonly record struct CatalogCursor(DateTimeOffset PublishedAt, DateTimeOffset CreatedAt, Guid Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PublishedAt.UtcTicks}.{CreatedAt.UtcTicks}.{Id:N}");

    public static CatalogCursor? Of(ListingResponse listing) =>
        listing.PublishedAt is { } published ? new CatalogCursor(published, listing.CreatedAt, listing.Id) : null;

    /// <summary>The cursor written in <paramref name="text"/>; a 400 naming <paramref name="field"/> when it is not one.</summary>
    public static CatalogCursor Parse(string text, string field)
    {
        var parts = text.Trim().Split('.');
        if (parts.Length == 3 && Ticks(parts[0]) is { } published && Ticks(parts[1]) is { } created
            && Guid.TryParseExact(parts[2], "N", out var id))
            return new CatalogCursor(published, created, id);
        throw new DomainRuleException(field, "This link to a catalog page is damaged; start again from the first page.");
    }

    private static DateTimeOffset? Ticks(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    /// <summary>
    /// The query strings of the public catalog's previous and next pages (null where there is none): the request's own
    /// parameters, the page number one down or up, and a cursor at the first or last row shown. Page 2's previous page
    /// is page 1 itself, with no cursor.
    /// </summary>
    public static (string? Previous, string? Next) Links(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query,
        Paged<ListingResponse> page)
    {
        string Link(int number, string? key, CatalogCursor? at) => number == 1 || at is null
            ? PageLinks.With(query, Paging)
            : PageLinks.With(query, Paging, new("Page", number.ToString(CultureInfo.InvariantCulture)), new(key!, at.Value.ToString()));
        var previous = page.Page > 1 ? Link(page.Page - 1, "Before", page.Items.Count > 0 ? Of(page.Items[0]) : null) : null;
        var next = page.Items.Count == page.PageSize && (long)page.Page * page.PageSize < page.Total && Of(page.Items[^1]) is { } last
            ? Link(page.Page + 1, "After", last)
            : null;
        return (previous, next);
    }

    /// <summary>The same links for API clients, as an RFC 8288 Link header (rel="prev", rel="next").</summary>
    public static void WriteLinkHeader(HttpContext http, Paged<ListingResponse> page)
    {
        var (previous, next) = Links(http.Request.Query, page);
        var links = new[] { (previous, "prev"), (next, "next") }.Where(l => l.Item1 is not null)
            .Select(l => $"<{http.Request.PathBase}{http.Request.Path}{l.Item1}>; rel=\"{l.Item2}\"").ToList();
        if (links.Count > 0) http.Response.Headers.Link = string.Join(", ", links);
    }

    private static readonly string[] Paging = ["Page", "After", "Before"];
}
