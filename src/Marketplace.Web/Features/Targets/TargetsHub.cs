using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Web.Features.Targets;

public interface ITargetsClient
{
    /// <summary>The kept totals moved; <paramref name="kind"/> is targets.deals or targets.pledges. The page re-reads
    /// /api/targets rather than receiving numbers, so what it shows is always what the totals say after the commit.</summary>
    Task FiguresMoved(string kind);
}

/// <summary>
/// The public dashboard's live channel: anyone may listen (the headline figures are public), nobody may send. Kept
/// apart from the notifications hub, which requires sign-in and addresses organisations.
/// </summary>
[AllowAnonymous]
public sealed class TargetsHub : Hub<ITargetsClient>
{
    public const string Path = "/hubs/targets";
}

/// <summary>Tells every open dashboard that the figures moved; call after the change commits. A failed push is logged
/// and swallowed: the totals are the truth and the next load shows them.</summary>
public sealed class TargetsBroadcast(IHubContext<TargetsHub, ITargetsClient> hub, ILogger<TargetsBroadcast> log)
{
    public const string DealsKind = "targets.deals", PledgesKind = "targets.pledges";

    public async Task FiguresMovedAsync(string kind)
    {
        try
        {
            await hub.Clients.All.FiguresMoved(kind);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not push {Kind} to the dashboards", kind);
        }
    }
}
