using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// The park's plan dashboard: public figures and charts for everyone, drill-down links and the market statistics for
/// the park office. dashboard.ts redraws it whenever the dashboard hub says the figures moved.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(TargetsReader reader) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public TargetsResponse Figures { get; private set; } = null!;
    public TargetOptions Plan => reader.Options;
    public bool Office => User.IsInRole(Roles.ParkAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is not null and (< 2000 or > 2100)) return BadRequest();
        Figures = await reader.ReadAsync(Year, Office, ct);
        return Page();
    }

    public static int Percent(decimal value, decimal target) => target <= 0 ? 0 : (int)Math.Min(100, Math.Floor(value * 100 / target));
}
