using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Listings;

/// <summary>The public catalog of published listings, with the simple filters; full-text search comes with Search.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = ListingsFeature.CatalogPagePolicy)]
public sealed class IndexModel(CatalogQuery catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public CatalogFilter Filter { get; set; } = new();
    public Paged<ListingResponse> Result { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter.Mine = false;
        Filter.Status = null;
        Result = await catalog.RunAsync(User, Filter, ct);
    }
}
