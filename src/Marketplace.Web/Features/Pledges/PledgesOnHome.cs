using System.Security.Claims;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Platform;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Pledges;

/// <summary>A bank's queue on its home page: the first rows and how many wait in all.</summary>
public sealed record HomeQueue(IReadOnlyList<PledgeRow> Waiting, int Total);

/// <summary>What waits for this bank user's role: officers take new applications and answer returned information,
/// approvers decide recommendations. First on a bank's home page.</summary>
public sealed class QueueOnHome(PledgeReader pledges) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Bank;
    public int Order => 10;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        PledgeStatus[] states = caller.IsInRole(Roles.BankApprover) && !caller.IsInRole(Roles.BankOfficer)
            ? [PledgeStatus.Recommended]
            : [PledgeStatus.Submitted, PledgeStatus.UnderReview];
        var rows = new List<PledgeRow>();
        var total = 0;
        foreach (var state in states)
        {
            var page = await pledges.ListAsync(caller, new PledgeFilter { State = state }, ct);
            rows.AddRange(page.Items);
            total += page.Total;
        }
        return new("/Features/Pledges/_HomeQueue.cshtml", new HomeQueue(rows.Take(10).ToList(), total));
    }
}

/// <summary>The bank's loans whose security is at risk, after its queue.</summary>
public sealed class WatchlistOnHome(Watchlist watchlist) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Bank;
    public int Order => 20;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct) =>
        new("/Features/Pledges/_Watchlist.cshtml", await watchlist.OpenAsync(caller, 10, ct));
}
