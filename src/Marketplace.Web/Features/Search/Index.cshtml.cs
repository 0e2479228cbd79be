using Microsoft.Extensions.Localization;
using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Search;

/// <summary>The search page: free text, facet checkboxes with counts, highlighted results; the query lives in
/// the URL, so a search can be bookmarked and shared.</summary>
public sealed class IndexModel(ISearchEngine engine, MarketplaceDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")] public SearchRequest Search { get; set; } = new();
    public SearchResult Result { get; private set; } = new([], 0, new Dictionary<string, IReadOnlyList<FacetValue>>());
    public SearchQuery Query { get; private set; } = SearchQuery.All();
    public Dictionary<string, (string Zh, string? En)> OwnerNames { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Query = Search.ToQuery();
        }
        catch (DomainRuleException rule)
        {
            Error = t.Say(rule.Text);
            Query = SearchQuery.All();
        }
        Result = await engine.SearchAsync(Query, ct);
        var owners = Result.Facets.GetValueOrDefault(SearchFacets.Owner)?.Select(f => Guid.TryParse(f.Value, out var id) ? id : Guid.Empty).ToList() ?? [];
        OwnerNames = await db.Organizations.AsNoTracking().Where(o => owners.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id.ToString(), o => (o.NameZh, o.NameEn), ct);
    }

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
