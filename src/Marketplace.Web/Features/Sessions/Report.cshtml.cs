using System.Text;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Sessions;

/// <summary>After the session: attendance, interest per pitch, leads, offers and deals, with a CSV export.</summary>
[Authorize(Policy = Roles.ParkAdmin)]
public sealed class ReportModel(SessionReport report, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> t) : PageModel
{
    public SessionReportResponse Report { get; private set; } = null!;
    public IReadOnlyList<HeldYear> Held { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Report = await report.BuildAsync(id, ct);
        Held = await report.HeldPerYearAsync(clock, ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        var csv = SessionReport.Csv(await report.BuildAsync(id, ct), t);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"session-{id}.csv");
    }
}
