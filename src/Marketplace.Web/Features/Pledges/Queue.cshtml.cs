using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Patents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marketplace.Web.Features.Targets;

namespace Marketplace.Web.Features.Pledges;

/// <summary>A bank's review queue (its own applications), or for the park office every bank's, read-only.</summary>
[Authorize(Roles = $"{Roles.BankOfficer},{Roles.BankApprover},{Roles.ParkAdmin}")]
public sealed class QueueModel(PledgeReader reader, Watchlist watchlist, TargetsReader targets) : PageModel
{
    [BindProperty(SupportsGet = true)] public PledgeFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "Page")] public int? PageNumber { get; set; }
    public Paged<PledgeRow> Result { get; private set; } = new([], 1, PledgeReader.PageSize, 0);

    /// <summary>The park office's progress toward its pledge-financing target; banks do not see other banks' figures.</summary>
    public PledgeFinancingFigures? Figures { get; private set; }

    /// <summary>Loans whose security is at risk (a pledged patent lapsed), first.</summary>
    public IReadOnlyList<WatchlistRow> Watched { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Watched = await watchlist.OpenAsync(User, 50, ct);
        Filter.Page = PageNumber;
        Result = await reader.ListAsync(User, Filter, ct);
        if (User.IsInRole(Roles.ParkAdmin)) Figures = (await targets.ReadAsync(null, detail: true, ct)).PledgeFinancing;
    }
}
