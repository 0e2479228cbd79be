using Marketplace.Domain.Listings;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Listings;

/// <summary>The park office's queue of listings waiting for review.</summary>
[Authorize(Roles = Roles.ParkAdmin)]
public sealed class ModerationModel(CatalogQuery catalog) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "Page")] public int? PageNumber { get; set; }
    public Paged<ListingResponse> Result { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await catalog.RunAsync(User, new CatalogFilter { Status = ListingStatus.PendingReview, Page = PageNumber }, ct);
}
