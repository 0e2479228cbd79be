using Marketplace.Domain.Organizations;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// The applicant's draft: bank, amount, patents with their appraised values, valuation report and financial
/// summary. "Check" shows each patent's eligibility and the loan-to-value picture without saving anything.
/// </summary>
[Authorize(Policy = PledgesFeature.Applicant)]
public sealed class ApplyModel(MarketplaceDb db, PledgeService pledges, PledgeAccess access, PledgeChecks checks,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Organization> Banks { get; private set; } = [];
    public EligibilityResponse? Preview { get; private set; }
    [BindProperty] public ApplyInput Input { get; set; } = new();

    public sealed class PatentChoice
    {
        public Guid PatentId { get; set; }
        public bool Selected { get; set; }
        public decimal? Value { get; set; }
        public string Label { get; set; } = "";
    }

    public sealed class ApplyInput
    {
        public Guid? BankId { get; set; }
        public decimal? RequestedAmount { get; set; }
        public int? TermMonths { get; set; } = 24;
        public string? Purpose { get; set; }
        public List<PatentChoice> Patents { get; set; } = [];
        public ValuationMethod? Method { get; set; }
        public string? Appraiser { get; set; }
        public DateOnly? ReportDate { get; set; }
        public string? ReportNumber { get; set; }
        public decimal? Revenue { get; set; }
        public decimal? Profit { get; set; }
        public int? YearsTrading { get; set; }
        public uint? Version { get; set; }

        public PledgeRequest ToRequest() => new(BankId, RequestedAmount, TermMonths, Purpose,
            Patents.Where(p => p.Selected).Select(p => new PatentValueRequest(p.PatentId, p.Value)).ToList(),
            new ValuationRequest(Method, Appraiser, ReportDate, ReportNumber), new FinancialsRequest(Revenue, Profit, YearsTrading), Version);
    }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var a = await access.FindOwnAsync(User, existing, ct);
            Input = new ApplyInput
            {
                BankId = a.BankOrganizationId, RequestedAmount = a.RequestedAmount, TermMonths = a.TermMonths, Purpose = a.Purpose,
                Method = a.Valuation.Method, Appraiser = a.Valuation.Appraiser, ReportDate = a.Valuation.ReportDate, ReportNumber = a.Valuation.ReportNumber,
                Revenue = a.Financials.Revenue, Profit = a.Financials.Profit, YearsTrading = a.Financials.YearsTrading, Version = a.Version,
                Patents = a.Patents.Select(p => new PatentChoice { PatentId = p.PatentId, Selected = true, Value = p.Value }).ToList(),
            };
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        await this.TryAsync(async () => Preview = await checks.PreviewAsync(User.OrganizationId()!.Value, Input.ToRequest(), ct), t);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        PledgeApplication? saved = null;
        await this.TryAsync(async () => saved = id is { } existing
            ? await pledges.UpdateAsync(User, existing, Input.ToRequest(), ct)
            : await pledges.CreateAsync(User, Input.ToRequest(), ct), t);
        if (saved is not null) return RedirectToPage("Detail", new { id = saved.Id });
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The banks to choose from, and every patent the organisation manages, keeping what was ticked and valued.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Banks = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.Bank && o.IsVerified).OrderBy(o => o.NameZh).ToListAsync(ct);
        var organizationId = User.OrganizationId();
        var own = await db.Patents.AsNoTracking().Where(p => p.OwnerOrganizationId == organizationId).OrderBy(p => p.ApplicationNumber)
            .Select(p => new { p.Id, p.ApplicationNumber, p.TitleZh }).ToListAsync(ct);
        var given = Input.Patents.DistinctBy(p => p.PatentId).ToDictionary(p => p.PatentId);
        Input.Patents = own.Select(p => new PatentChoice
        {
            PatentId = p.Id, Label = $"{p.ApplicationNumber} {p.TitleZh}",
            Selected = given.GetValueOrDefault(p.Id)?.Selected ?? false, Value = given.GetValueOrDefault(p.Id)?.Value,
        }).ToList();
        // The list is rebuilt in the organisation's order, so posted values must not be re-shown by index.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.Patents", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
    }
}
