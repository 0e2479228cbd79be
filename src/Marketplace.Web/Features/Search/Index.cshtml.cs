using Microsoft.Extensions.Localization;
using Marketplace.Web.Platform.Localization;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Search;

/// <summary>The search page: free text, facet checkboxes with counts, highlighted results; the query lives in
/// the URL, so a search can be bookmarked and shared. An application or publication number of one listing opens it;
/// a query with few hits says it was relaxed and offers the fields of its best hits.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = SearchFeature.SearchPagePolicy)]
public sealed class IndexModel(SearchService search, MarketplaceDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")] public SearchRequest Search { get; set; } = new();
    public SearchResult Result { get; private set; } = new([], 0, new Dictionary<string, IReadOnlyList<FacetValue>>());
    public SearchQuery Query { get; private set; } = SearchQuery.All();
    public Dictionary<string, (string Zh, string? En)> OwnerNames { get; private set; } = [];
    public Text? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Query = Search.ToQuery();
        }
        catch (DomainRuleException rule)
        {
            Error = rule.Text;
            Query = SearchQuery.All();
        }
        Result = await search.SearchAsync(Query, ct);
        if (Result is { NumberMatch: true, Total: 1 }) return Redirect($"/Listings/Detail/{Result.Hits[0].ListingId}");
        var owners = Result.Facets.GetValueOrDefault(SearchFacets.Owner)?.Select(f => Guid.TryParse(f.Value, out var id) ? id : Guid.Empty).ToList() ?? [];
        OwnerNames = await db.Organizations.AsNoTracking().Where(o => owners.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id.ToString(), o => (o.NameZh, o.NameEn), ct);
        return Page();
    }

    /// <summary>This search narrowed to one related field.</summary>
    public string FieldUrl(string code) => $"/Search?Q={Uri.EscapeDataString(Search.Q ?? "")}&Ipc={code}";

    public bool IsChecked(string facet, string value) => facet switch
    {
        SearchFacets.Type => Query.Types.Contains(value),
        SearchFacets.Mode => Query.Modes.Contains(value),
        SearchFacets.IpcSection or SearchFacets.IpcClass => Query.Ipc.Contains(value),
        SearchFacets.Owner => Query.Owners.Any(o => o.ToString() == value),
        SearchFacets.OwnerType => Query.OwnerTypes.Contains(value),
        SearchFacets.LegalStatus => Query.LegalStatuses.Contains(value),
        _ => false,
    };
}
