using System.ComponentModel.DataAnnotations;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Features.Localization;

namespace Marketplace.Web.Features.Organizations;

/// <summary>The signed-in user's organisation: its record, verification state, contact and members.</summary>
public sealed class MineModel(MarketplaceDb db, OrganizationService organizations, MemberService members, UserManager<AppUser> users,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<(AppUser User, IList<string> Roles)> Members { get; private set; } = [];
    public bool IsAdministrator => User.IsInRole(Roles.OrganizationAdmin);
    public IReadOnlyList<string> AssignableRoles => Roles.AssignableFor(Organization.Type);

    /// <summary>Bound by its own handler only, so the contact form does not validate it.</summary>
    public MemberInput NewMember { get; set; } = new();

    public sealed class MemberInput
    {
        [Required, EmailAddress, StringLength(254)] public string Email { get; set; } = "";
        [Required, StringLength(100)] public string DisplayName { get; set; } = "";
        [Required] public string Role { get; set; } = "";
        [Required, DataType(DataType.Password)] public string Password { get; set; } = "";
    }

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

    public Task<IActionResult> OnPostAddMemberAsync([Bind(Prefix = nameof(NewMember))] MemberInput newMember, CancellationToken ct)
    {
        NewMember = newMember;
        return MembersStepAsync(() => members.AddAsync(User, OwnId, new AddMemberRequest(newMember.Email, newMember.DisplayName, newMember.Role, newMember.Password), ct), ct);
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid userId, CancellationToken ct) =>
        MembersStepAsync(() => members.DeactivateAsync(User, OwnId, userId, ct), ct);

    private Guid OwnId => User.OrganizationId() ?? throw new InvalidOperationException("No organisation claim.");

    private async Task<IActionResult> MembersStepAsync(Func<Task> step, CancellationToken ct)
    {
        // Only the member form is checked here: the contact form's properties bind (empty) on every post of the page.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(nameof(NewMember) + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (ModelState.IsValid && await this.TryAsync(step, t)) return RedirectToPage();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = User.OrganizationId();
        Organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.Email).ToListAsync(ct);
        var list = new List<(AppUser, IList<string>)>();
        foreach (var person in people) list.Add((person, await users.GetRolesAsync(person)));
        Members = list;
    }
}
