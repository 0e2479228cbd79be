using System.Globalization;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Targets.Records;
using Marketplace.Web.Features.Targets.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Targets.WhitePaper;

/// <summary>
/// The year's IP white paper (知识产权白皮书), generated from the records: the plan's progress, the year's figures
/// and charts, its largest deals and the market statistics. For the park office, or the printing browser holding a
/// ticket for this year (see <see cref="WhitePaperPdf"/>).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(TargetsReader targets, RecordsQuery records, MarketStatistics statistics, WhitePaperPdf printer) : PageModel
{
    public int Year { get; private set; }
    public TargetsResponse Figures { get; private set; } = null!;
    public TargetsResponse Plan { get; private set; } = null!;
    public IReadOnlyList<DealRecord> TopDeals { get; private set; } = [];
    public StatisticsResponse Market { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, string? ticket, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return NotFound();
        if (!User.IsInRole(Roles.ParkAdmin) && !printer.Admits(ticket, year))
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        Year = year;
        Figures = await targets.ReadAsync(year, detail: false, ct);
        Plan = await targets.ReadAsync(null, detail: false, ct);
        TopDeals = (await RecordsApi.DealsAsync(records, new RecordFilter { Year = year }, ct)).Rows.OrderByDescending(d => d.ContractAmount).Take(10).ToList();
        Market = await statistics.ReadAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
        return Page();
    }
}
