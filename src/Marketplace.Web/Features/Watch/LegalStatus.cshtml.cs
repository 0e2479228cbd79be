using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Patents.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Watch;

/// <summary>An office (its own patents) or the park office (any) uploads a legal-status file; the events are applied
/// at once, with their dates, and the page shows what each did and which rows were refused.</summary>
[Authorize(Roles = $"{Roles.TechTransferOffice},{Roles.Enterprise},{Roles.ParkAdmin}", Policy = IdentityPolicies.VerifiedOrganization)]
[RequestSizeLimit(SpreadsheetReader.MaxBytes + 64 * 1024)]
public sealed class LegalStatusModel(LegalStatusApplier applier, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public DateOnly? AsOf { get; set; }
    public LegalStatusReport? Report { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose an XLSX, XLS or CSV file."]);
            return Page();
        }
        try
        {
            await using var stream = Upload.OpenReadStream();
            Report = await applier.ApplyAsync(User, new LegalStatusFile(stream, Upload.FileName, AsOf), ct);
        }
        catch (Domain.Common.DomainRuleException e)
        {
            ModelState.AddModelError(e.Field == "asOf" ? nameof(AsOf) : nameof(Upload), t.Say(e.Text));
        }
        return Page();
    }
}
