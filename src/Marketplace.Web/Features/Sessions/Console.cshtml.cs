using Marketplace.Domain.Sessions;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sessions;

/// <summary>The park office's console: the live board plus the controls that drive it.</summary>
[Authorize(Policy = Roles.ParkAdmin)]
public sealed class ConsoleModel(SessionReader reader, SessionService sessions, IStringLocalizer<SharedResource> t) : PageModel
{
    public MatchmakingSession Session { get; private set; } = null!;
    public IReadOnlyList<BoardDeal> Deals { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostNextAsync(Guid id, Guid pitchId, CancellationToken ct) => ActAsync(id, () => sessions.StartPitchAsync(id, pitchId, ct), ct);
    public Task<IActionResult> OnPostQuestionsAsync(Guid id, bool open, CancellationToken ct) => ActAsync(id, () => sessions.SetQuestionsOpenAsync(id, open, ct), ct);
    public Task<IActionResult> OnPostAnnounceAsync(Guid id, Guid dealId, CancellationToken ct) => ActAsync(id, () => sessions.AnnounceDealAsync(id, dealId, ct), ct);
    public Task<IActionResult> OnPostGoLiveAsync(Guid id, CancellationToken ct) => ActAsync(id, () => sessions.GoLiveAsync(id, null, ct), ct);

    private async Task<IActionResult> ActAsync<T>(Guid id, Func<Task<T>> action, CancellationToken ct)
    {
        if (await this.TryAsync(action, t)) return RedirectToPage(new { id });
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Session = await reader.FindVisibleAsync(User, id, ct);
        Deals = (await reader.TradeAsync(id, ct)).Deals;
    }
}
