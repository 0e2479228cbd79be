using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Targets;

/// <summary>A session that goes live or closes counts toward the plan's sessions a year: open dashboards hear of it
/// once the move commits.</summary>
public sealed class SessionsHeldBroadcast(MarketplaceDb db, TargetsBroadcast dashboards) : IDomainEventHandler<SessionStatusChanged>
{
    public Task HandleAsync(SessionStatusChanged changed, CancellationToken ct)
    {
        if (changed.MovesHeldCount) db.AfterCommit(() => dashboards.FiguresMovedAsync(TargetsReader.SessionsKind));
        return Task.CompletedTask;
    }
}
