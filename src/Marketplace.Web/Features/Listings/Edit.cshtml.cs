using Marketplace.Domain.Patents;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Patents;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Listings;

/// <summary>Creates a listing of one of the office's patents (?patentId=) or edits one of its listings.</summary>
[Authorize(Policy = PatentsFeature.CanList)]
public sealed class EditModel(ListingService listings, PatentService patents, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ListingForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? PatentId { get; set; }
    public Guid? Id { get; private set; }
    public Patent Patent { get; private set; } = null!;

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is not null) Input = ListingForm.From(await listings.FindOwnAsync(User, id.Value, ct));
        else Input.OffersLicence = true;
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (!ModelState.IsValid) return Page();
        Guid saved = default;
        var ok = await this.TryAsync(async () => saved = id is { } existing
            ? (await listings.UpdateAsync(User, existing, new UpdateListingRequest(Input.ToTerms(), Input.Description, Input.Version), ct)).Id
            : (await listings.CreateAsync(User, new ListingRequest(Patent.Id, Input.ToTerms(), Input.Description, null), ct)).Id, t, ListingForm.Fields);
        return ok ? RedirectToPage("/Listings/Detail", new { id = saved }) : Page();
    }

    private async Task LoadAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var patentId = id is { } existing
            ? (await listings.FindOwnAsync(User, existing, ct)).PatentId
            : PatentId ?? throw new Platform.NotFoundException("Patent");
        Patent = await patents.FindManagedAsync(User, patentId, ct);
    }
}
