using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Patents;

/// <summary>Registers a patent (no id) or edits one the office manages; every refusal is shown next to its field.</summary>
[Authorize(Policy = PatentsFeature.CanList)]
public sealed class EditModel(PatentService patents, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public PatentForm Input { get; set; } = new();
    public Guid? Id { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing) Input = PatentForm.From(await patents.FindManagedAsync(User, existing, ct));
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (Input.FilingDate is null) ModelState.AddModelError("Input.FilingDate", t["Enter the filing date."]);
        var owners = id is { } managed
            ? (await patents.FindManagedAsync(User, managed, ct)).Owners.Select(o => new OwnerShareRequest(o.OrganizationId, o.SharePercent)).ToList()
            : null;
        if (!ModelState.IsValid)
        {
            // An unreadable or missing input is already marked; the domain's checks still run (on a stand-in value)
            // so every other wrong field is shown too, and nothing is saved.
            var marked = ModelState.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key).ToHashSet();
            var request = Input.ToRequest(owners) with { FilingDate = Input.FilingDate ?? patents.Today };
            await this.TryAsync(() => { patents.Check(User, request); return Task.CompletedTask; }, t, PatentForm.Fields);
            foreach (var key in marked)
                while (ModelState[key]!.Errors.Count > 1) ModelState[key]!.Errors.RemoveAt(1);
            return Page();
        }
        Guid saved = default;
        var ok = await this.TryAsync(async () => saved = id is { } existing
            ? (await patents.UpdateAsync(User, existing, Input.ToRequest(owners), ct)).Id
            : (await patents.CreateAsync(User, Input.ToRequest(null), ct)).Id, t, PatentForm.Fields);
        return ok ? RedirectToPage("/Patents/Index", new { saved }) : Page();
    }
}
