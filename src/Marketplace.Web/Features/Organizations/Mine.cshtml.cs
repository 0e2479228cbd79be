using System.ComponentModel.DataAnnotations;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Features.Localization;

namespace Marketplace.Web.Features.Organizations;

/// <summary>The signed-in user's organisation: its record, verification state, contact and members.</summary>
public sealed class MineModel(MarketplaceDb db, OrganizationService organizations, IStringLocalizer<SharedResource> t) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<AppUser> Members { get; private set; } = [];

    [BindProperty] public ContactInput Contact { get; set; } = new();

    public sealed class ContactInput
    {
        [RequiredField("Contact name"), MaxCharacters(100, "Contact name")] public string Name { get; set; } = "";
        [RequiredField("Contact phone"), MaxCharacters(30, "Contact phone")] public string Phone { get; set; } = "";
        [RequiredField("Contact email"), EmailField("Contact email"), MaxCharacters(254, "Contact email")] public string Email { get; set; } = "";
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Contact = new ContactInput
        {
            Name = Organization.Contact.Name, Phone = Organization.Contact.Phone, Email = Organization.Contact.Email,
            Version = Organization.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var id = User.OrganizationId() ?? throw new InvalidOperationException("No organisation claim.");
                await organizations.UpdateContactAsync(User, id,
                    new UpdateContactRequest(Contact.Name, Contact.Phone, Contact.Email, Contact.Version), ct);
                return RedirectToPage();
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddModelError("Contact." + rule.Field.Replace("contact", ""), t.Say(rule.Text));
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, t["Someone else changed this organisation meanwhile. Reload the page and try again."]);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = User.OrganizationId();
        Organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        Members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.Email).ToListAsync(ct);
    }
}
