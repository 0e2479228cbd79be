using Marketplace.Domain.Pledges;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Marketplace.Web.Platform.Audit;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// One application for everyone who may see it: progress, patents with eligibility, valuation and loan-to-value,
/// the audit trail, and the step forms the viewer's role allows in the current state.
/// </summary>
[Authorize]
public sealed class DetailModel(PledgeService pledges, PledgeAccess access, PledgeReader reader, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public PledgeResponse Application { get; private set; } = null!;
    public IReadOnlyList<StatusChange> History { get; private set; } = [];
    public bool IsApplicant { get; private set; }
    public bool IsBankStaff { get; private set; }
    public bool IsApprover { get; private set; }

    [BindProperty] public StepForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, string step, CancellationToken ct)
    {
        if (PledgeSteps.Named(step) is not { } taken) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, taken.Policy)).Succeeded) return Forbid();
        if (await this.TryAsync(() => taken.Call(pledges, User, id, Form, ct), t)) return RedirectToPage(new { id });
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Whether the page offers <paramref name="step"/>: the state allows it and the viewer is its party.</summary>
    public bool Offers(PledgeStep step) => step.PossibleFrom(Application.Status) && step.Policy switch
    {
        PledgesFeature.Applicant => IsApplicant,
        Roles.BankApprover => IsApprover,
        _ => IsBankStaff,
    };

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindVisibleAsync(User, id, ct);
        Application = await reader.DescribeAsync(application, ct);
        History = await reader.HistoryAsync(id, ct);
        IsApplicant = User.OrganizationId() == application.ApplicantOrganizationId && User.IsInRole(Roles.Enterprise);
        IsBankStaff = User.OrganizationId() == application.BankOrganizationId && PledgeAccess.IsBankStaff(User);
        IsApprover = IsBankStaff && User.IsInRole(Roles.BankApprover);
        ModelState.Remove("Form.Version");
        Form.Version = application.Version;
    }
}
