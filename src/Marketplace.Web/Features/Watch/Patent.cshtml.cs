using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Watch;

/// <summary>One patent's calendar: the fee to pay next, every annual fee of its term and whether it is paid, the alerts
/// and the legal-status history. As visible as the patent (its owner, the park office, anyone while it is listed);
/// anyone else gets a 404.</summary>
[Authorize]
public sealed class PatentModel(WatchReader reader) : PageModel
{
    public PatentCalendarResponse Calendar { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Calendar = await reader.CalendarAsync(User, id, ct);
}
