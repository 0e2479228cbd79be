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

    public sealed class StepForm
    {
        public string? Comment { get; set; }
        public decimal? Amount { get; set; }
        public decimal? RatePercent { get; set; }
        public int? TermMonths { get; set; }
        public string? Conditions { get; set; }
        public string? RegistrationNumber { get; set; }
        public DateOnly? Date { get; set; }
        public uint? Version { get; set; }
    }

    /// <summary>The policy each step needs, as the API's route groups require it.</summary>
    private static readonly Dictionary<string, string> StepPolicies = new()
    {
        ["submit"] = PledgesFeature.Applicant, ["answer"] = PledgesFeature.Applicant, ["withdraw"] = PledgesFeature.Applicant,
        ["take"] = PledgesFeature.BankStaff, ["request-info"] = PledgesFeature.BankStaff, ["recommend"] = PledgesFeature.BankStaff,
        ["register"] = PledgesFeature.BankStaff, ["disburse"] = PledgesFeature.BankStaff, ["repay"] = PledgesFeature.BankStaff,
        ["default"] = PledgesFeature.BankStaff, ["release"] = PledgesFeature.BankStaff, ["pledgee-consent"] = PledgesFeature.BankStaff,
        ["approve"] = Roles.BankApprover, ["reject"] = Roles.BankApprover,
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, string step, CancellationToken ct)
    {
        if (!StepPolicies.TryGetValue(step, out var policy)) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded) return Forbid();
        if (await this.TryAsync(() => Run(id, step, ct), t)) return RedirectToPage(new { id });
        await LoadAsync(id, ct);
        return Page();
    }

    private Task<PledgeApplication> Run(Guid id, string step, CancellationToken ct)
    {
        var plain = new StepRequest(Form.Comment, Form.Version);
        return step switch
        {
            "submit" => pledges.SubmitAsync(User, id, plain, ct),
            "answer" => pledges.AnswerAsync(User, id, plain, ct),
            "withdraw" => pledges.WithdrawAsync(User, id, plain, ct),
            "take" => pledges.TakeAsync(User, id, plain, ct),
            "request-info" => pledges.RequestInfoAsync(User, id, plain, ct),
            "recommend" => pledges.RecommendAsync(User, id,
                new RecommendRequest(Form.Amount, Form.RatePercent, Form.TermMonths, Form.Conditions, Form.Comment, Form.Version), ct),
            "approve" => pledges.ApproveAsync(User, id, plain, ct),
            "reject" => pledges.RejectAsync(User, id, plain, ct),
            "register" => pledges.RegisterAsync(User, id, new RegisterRequest(Form.RegistrationNumber, Form.Date, Form.Comment, Form.Version), ct),
            "disburse" => pledges.DisburseAsync(User, id, new DisburseRequest(Form.Amount, Form.Date, Form.Comment, Form.Version), ct),
            "repay" => pledges.RepayAsync(User, id, plain, ct),
            "default" => pledges.DefaultAsync(User, id, plain, ct),
            "release" => pledges.ReleaseAsync(User, id, plain, ct),
            _ => pledges.ConsentAsync(User, id, plain, ct),
        };
    }

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
