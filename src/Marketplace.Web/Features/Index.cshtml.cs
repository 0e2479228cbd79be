using Marketplace.Web.Features.Needs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Features;

/// <summary>The home page; signed-in enterprises and offices also see their best current matches.</summary>
public sealed class IndexModel(MatchReader matches) : PageModel
{
    public IReadOnlyList<MatchResponse> Recommended { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true) Recommended = await matches.RecommendedAsync(User, 5, ct);
    }
}
