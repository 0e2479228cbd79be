using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Pledges;

/// <summary>The bank's loan-to-value caps and minimum remaining terms: read by its staff, set by its administrator.</summary>
[Authorize(Policy = PledgesFeature.BankMember)]
public sealed class PolicyModel(BankPolicies policies, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public PolicyRequest Input { get; set; } = null!;
    public bool IsDefault { get; private set; }
    public bool Saved { get; private set; }
    public bool CanChange => User.IsInRole(Roles.OrganizationAdmin);

    public async Task OnGetAsync(bool? saved, CancellationToken ct)
    {
        var current = await policies.GetAsync(User, ct);
        var p = current.Policy;
        Input = new PolicyRequest(p.InventionCapPercent, p.UtilityModelCapPercent, p.DesignCapPercent,
            p.InventionMinYears, p.UtilityModelMinYears, p.DesignMinYears, current.Version);
        IsDefault = current.IsDefault;
        Saved = saved == true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await this.TryAsync(() => policies.SetAsync(User, Input, ct), t)) return RedirectToPage(new { saved = true });
        return Page();
    }
}
