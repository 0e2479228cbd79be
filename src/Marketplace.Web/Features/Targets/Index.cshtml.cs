using Marketplace.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Targets;

/// <summary>The park's plan targets, with the figures kept current live (targets.ts refreshes them on each notice).</summary>
[Authorize]
public sealed class IndexModel(MarketplaceDb db, IOptions<TargetOptions> options) : PageModel
{
    public TargetsResponse Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Figures = await TargetsFeature.ReadAsync(db, options.Value, ct);

    public static int Percent(decimal value, decimal target) => target <= 0 ? 0 : (int)Math.Min(100, Math.Floor(value * 100 / target));
}
