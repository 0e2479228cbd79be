using System.Globalization;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Targets.Statistics;

[Authorize(Roles = Roles.ParkAdmin)]
public sealed class IndexModel(MarketStatistics statistics, IOptions<TargetOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public StatisticsResponse Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (from, to) = StatisticsApi.PlanPeriod(From, To, options.Value);
        Figures = await statistics.ReadAsync(from, to, ct);
    }
}
