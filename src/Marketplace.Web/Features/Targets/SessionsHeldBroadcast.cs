using Marketplace.Domain.Evidence;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Targets;

/// <summary>A session that goes live or closes counts toward the plan's sessions a year, and its evidence splits the
/// figure: open dashboards hear of either once the change commits.</summary>
public sealed class SessionsHeldBroadcast(MarketplaceDb db, TargetsBroadcast dashboards)
    : IDomainEventHandler<SessionStatusChanged>, IDomainEventHandler<EvidenceChanged>
{
    public Task HandleAsync(SessionStatusChanged changed, CancellationToken ct)
    {
        if (changed.MovesHeldCount) db.AfterCommit(() => dashboards.FiguresMovedAsync(TargetsReader.SessionsKind));
        return Task.CompletedTask;
    }

    public Task HandleAsync(EvidenceChanged changed, CancellationToken ct)
    {
        if (changed.Kind == RecordKind.Session) db.AfterCommit(() => dashboards.FiguresMovedAsync(TargetsReader.SessionsKind));
        return Task.CompletedTask;
    }
}
