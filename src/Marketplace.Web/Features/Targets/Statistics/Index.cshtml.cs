using System.Globalization;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Targets.Statistics;

[Authorize(Roles = Roles.ParkAdmin)]
public sealed class IndexModel(MarketStatistics statistics, TargetScopes scopes) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public StatisticsResponse Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (from, to) = await StatisticsApi.PlanPeriodAsync(From, To, scopes, ct);
        Figures = await statistics.ReadAsync(from, to, ct);
    }
}
