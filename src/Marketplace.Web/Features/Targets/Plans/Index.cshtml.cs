using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Targets.Plans;

public sealed class PlanTargetsInput
{
    public decimal? Deals { get; set; }
    public decimal? PledgeFinancing { get; set; }
    public int? SessionsPerYear { get; set; }
}

/// <summary>One plan as the form edits it (no id: a new plan).</summary>
public sealed class PlanInput
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public PlanTargetsInput Targets { get; set; } = new();
    public uint? Version { get; set; }

    public PlanRequest ToRequest() => new(Name, From, To, Targets.Deals, Targets.PledgeFinancing, Targets.SessionsPerYear, Version);
}

/// <summary>The park office's plan periods: each with its targets and status, a form to correct one, and a form to enter the next.</summary>
[Authorize(Roles = Roles.ParkAdmin)]
public sealed class IndexModel(PlanService plans, IStringLocalizer<SharedResource> t) : PageModel
{
    private static readonly FormFields Fields = new("Input", "name", "from", "to", "targets.deals", "targets.pledgeFinancing", "targets.sessionsPerYear");

    public IReadOnlyList<PlanResponse> Plans { get; private set; } = [];

    [BindProperty] public PlanInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Input.ToRequest();
        if (await this.TryAsync(() => Input.Id is { } id ? plans.EditAsync(id, request, ct) : plans.CreateAsync(request, ct), t, Fields)) return RedirectToPage();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Plans = (await plans.ListAsync(ct)).Select(plans.ToResponse).ToList();
}
