using System.Security.Claims;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Platform;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Pledges;

/// <summary>A bank's queue on its home page: the first rows and how many wait in all.</summary>
public sealed record HomeQueue(IReadOnlyList<PledgeRow> Waiting, int Total);

/// <summary>What waits for this bank user's role: officers take new applications and answer returned information,
/// approvers decide recommendations. First on a bank's home page; one statement for the rows and their total.</summary>
public sealed class QueueOnHome(PledgeReader pledges) : IHomeSection
{
    public HomeAudience Audience => HomeAudience.Bank;
    public int Order => 10;

    public async Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct)
    {
        PledgeStatus[] states = caller.IsInRole(Roles.BankApprover) && !caller.IsInRole(Roles.BankOfficer)
            ? [PledgeStatus.Recommended]
            : [PledgeStatus.Submitted, PledgeStatus.UnderReview];
        var (rows, total) = await pledges.WaitingAsync(caller, states, 10, ct);
        return new("/Features/Pledges/_HomeQueue.cshtml", new HomeQueue(rows, total));
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
