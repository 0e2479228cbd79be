using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features.Needs;

/// <summary>The park office's brokering list: open needs nothing fits, and listed sleeping patents no need fits.</summary>
[Authorize(Roles = Roles.ParkAdmin)]
public sealed class UnmatchedModel(MatchReader matches, NeedReader needs) : PageModel
{
    public UnmatchedResponse Result { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct) => Result = await matches.UnmatchedAsync(needs, ct);
}
