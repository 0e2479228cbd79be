using Marketplace.Domain.Patents;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Watch;

/// <summary>Keeps each thing the watch told, in the transaction that told it, for the watch page and the API.</summary>
public sealed class AlertLog(MarketplaceDb db, TimeProvider clock) :
    IDomainEventHandler<AnnualFeeDueSoon>, IDomainEventHandler<AnnualFeeOverdue>, IDomainEventHandler<PatentTermEnding>,
    IDomainEventHandler<PatentLapsed>, IDomainEventHandler<PatentRestored>
{
    public Task HandleAsync(AnnualFeeDueSoon e, CancellationToken ct) =>
        Add(new() { PatentId = e.PatentId, Kind = WatchAlertKind.FeeDueSoon, On = e.DueDate, FeeYear = e.Year, Amount = e.Amount, DaysBefore = e.DaysBefore });

    public Task HandleAsync(AnnualFeeOverdue e, CancellationToken ct) =>
        Add(new() { PatentId = e.PatentId, Kind = WatchAlertKind.FeeOverdue, On = e.DueDate, FeeYear = e.Year, Amount = e.Amount, Detail = $"{e.GraceEnds:yyyy-MM-dd}" });

    public Task HandleAsync(PatentTermEnding e, CancellationToken ct) =>
        Add(new() { PatentId = e.PatentId, Kind = WatchAlertKind.TermEnding, On = e.TermEnd });

    public Task HandleAsync(PatentLapsed e, CancellationToken ct) =>
        Add(new() { PatentId = e.PatentId, Kind = WatchAlertKind.Lapsed, On = e.On, Detail = e.Reason });

    public Task HandleAsync(PatentRestored e, CancellationToken ct) =>
        Add(new() { PatentId = e.PatentId, Kind = WatchAlertKind.Restored, On = e.On });

    private Task Add(WatchAlert alert)
    {
        db.WatchAlerts.Add(new WatchAlert
        {
            PatentId = alert.PatentId, Kind = alert.Kind, On = alert.On, FeeYear = alert.FeeYear, Amount = alert.Amount,
            DaysBefore = alert.DaysBefore, Detail = alert.Detail, RaisedAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}
