using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Needs;

/// <summary>Technology needs: the open public ones, an enterprise's own (with their match counts), or the review queue.</summary>
[Authorize]
public sealed class IndexModel(NeedService needs, NeedReader reader, Data.MarketplaceDb db) : PageModel
{
    /// <summary>"mine", "review" (park office) or empty for the open public needs.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public IReadOnlyList<NeedResponse> Needs { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> MatchCounts { get; private set; } = new Dictionary<Guid, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var organizationId = User.OrganizationId();
        var query = needs.Visible(User);
        query = Show switch
        {
            "mine" => query.Where(n => n.OrganizationId == organizationId),
            "review" when User.IsInRole(Roles.ParkAdmin) => query.Where(n => n.Status == NeedStatus.PendingReview),
            "review" => query.Where(_ => false),
            _ => query.Where(n => n.Status == NeedStatus.Open),
        };
        var list = await query.OrderByDescending(n => n.UpdatedAt).Take(200).ToListAsync(ct);
        Needs = await reader.DescribeAsync(list, ct);
        var ids = list.Select(n => n.Id).ToList();
        MatchCounts = await db.NeedMatches.Where(m => ids.Contains(m.NeedId)).GroupBy(m => m.NeedId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Page();
    }
}
