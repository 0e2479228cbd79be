using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Watch;

/// <summary>The office's watch: the fees coming due in the next 90 days (or already in their grace period) and what
/// the daily watch has told, newest first. An office sees its own patents; the park office sees all.</summary>
[Authorize(Roles = $"{Roles.TechTransferOffice},{Roles.Enterprise},{Roles.ParkAdmin}")]
public sealed class IndexModel(WatchReader reader) : PageModel
{
    public const int AlertsShown = 50;

    public IReadOnlyList<UpcomingFee> Upcoming { get; private set; } = [];
    public IReadOnlyList<AlertResponse> Alerts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Upcoming = await reader.UpcomingAsync(User, ct);
        Alerts = await reader.AlertsAsync(User, AlertsShown, ct);
    }
}
