using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Sessions;

/// <summary>The public live board: anyone may watch; participants see the interest and question forms.</summary>
[AllowAnonymous]
public sealed class BoardModel(SessionReader reader) : PageModel
{
    public Domain.Sessions.MatchmakingSession Session { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Session = await reader.FindVisibleAsync(User, id, ct);
}
