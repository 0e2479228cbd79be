using Marketplace.Domain.Negotiations;
using Marketplace.Web.Features.Shared;
using Marketplace.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>
/// Where the inquiry forms of a listing's page post (<see cref="InquiryPanel"/>): a room opens and the enterprise is
/// taken there; a refused request shows the forms again here with the reason, and a link back to the listing.
/// </summary>
[Authorize]
public sealed class OpenModel(InquiryService inquiries, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ListingId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SessionId { get; set; }
    [BindProperty(SupportsGet = true)] public bool HasOpenLicence { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public int OpenLicenceMonths { get; set; } = 12;

    public InquiryForms Forms => new(ListingId, HasOpenLicence, SessionId, Message, OpenLicenceMonths);

    public void OnGet() { }

    public async Task<IActionResult> OnPostInquireAsync(CancellationToken ct)
    {
        Inquiry? room = null;
        // A room starts with the enterprise saying what it wants; an empty first message leaves the office guessing.
        if (string.IsNullOrWhiteSpace(Message)) ModelState.AddModelError(nameof(Message), t["Write your first message to the owner: what you would use the patent for."]);
        else if (await this.TryAsync(async () => room = await inquiries.OpenAsync(User, new OpenInquiryRequest(ListingId, null, Message, null, SessionId), ct), t))
            return RedirectToPage("/Inquiries/Room", new { id = room!.Id });
        return Page();
    }

    public async Task<IActionResult> OnPostOpenLicenceAsync(CancellationToken ct)
    {
        Inquiry? room = null;
        if (await this.TryAsync(async () => room = (await inquiries.TakeOpenLicenceAsync(User, new OpenLicenceRequest(ListingId, OpenLicenceMonths, null), ct)).Inquiry, t))
            return RedirectToPage("/Inquiries/Room", new { id = room!.Id });
        HasOpenLicence = true;
        return Page();
    }
}
