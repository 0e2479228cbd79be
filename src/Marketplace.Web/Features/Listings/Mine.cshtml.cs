using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Listings;

/// <summary>An office's own listings in every state.</summary>
[Authorize]
public sealed class MineModel(CatalogQuery catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public CatalogFilter Filter { get; set; } = new();
    public Paged<ListingResponse> Result { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter.Mine = true;
        Result = await catalog.RunAsync(User, Filter, ct);
    }
}
