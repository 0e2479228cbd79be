using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;

namespace Marketplace.Web.Features.Deals;

/// <summary>Every step of a deal and every move of its money goes to the append-only audit log, in the step's
/// transaction, whichever service or worker made it.</summary>
public sealed class DealAudit(AuditLog audit) : IDomainEventHandler<DealStepTaken>, IDomainEventHandler<InstalmentChanged>
{
    public const string DealEntity = "Deal", PaymentEntity = "Payment";

    public Task HandleAsync(DealStepTaken step, CancellationToken ct)
    {
        audit.Record(DealEntity, step.DealId, step.Action, step.From?.ToString(), step.To.ToString(), step.Comment);
        return Task.CompletedTask;
    }

    public Task HandleAsync(InstalmentChanged changed, CancellationToken ct)
    {
        audit.Record(PaymentEntity, changed.InstalmentId, changed.Action, changed.From.ToString(), changed.To.ToString(), changed.Comment);
        return Task.CompletedTask;
    }
}
