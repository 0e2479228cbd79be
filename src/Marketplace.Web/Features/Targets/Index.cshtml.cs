using Marketplace.Domain.Common;
using Marketplace.Domain.Targets;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// The park's plan dashboard: opens on the current plan (or a chosen plan or year), public figures and charts for
/// everyone, the evidence behind each figure, drill-down links and the market statistics for the park office.
/// dashboard.ts redraws it whenever the dashboard hub says the figures moved.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(TargetsReader reader, TargetScopes scopes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Plan { get; set; }

    public TargetsResponse Figures { get; private set; } = null!;
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool Office => User.IsInRole(Roles.ParkAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is not null and (< 2000 or > 2100)) return BadRequest();
        var plans = await scopes.PlansAsync(ct);
        if (Plan is { } id && plans.All(p => p.Id != id)) return NotFound();
        var today = BusinessCalendar.Today(clock);
        Plans = plans.Select(p => TargetScopes.Summary(p, today)).ToList();
        Figures = await reader.ReadAsync(Year, Office, ct, Plan);
        // Every year of every plan, and the years since the last plan up to this one (their figures stand without targets).
        var first = plans.Count > 0 ? plans.Min(p => p.From.Year) : today.Year;
        var last = Math.Max(plans.Count > 0 ? plans.Max(p => p.To.Year) : today.Year, today.Year);
        Years = Enumerable.Range(first, last - first + 1).ToList();
        return Page();
    }

    /// <summary>The query that shows the same scope again (for drill-down and export links).</summary>
    public string ScopeQuery => Year is { } y ? $"&year={y}" : $"&from={Figures.Scope.From:yyyy-MM-dd}&to={Figures.Scope.To:yyyy-MM-dd}";

    public static int Percent(decimal value, decimal target) => target <= 0 ? 0 : (int)Math.Min(100, Math.Floor(value * 100 / target));
}
