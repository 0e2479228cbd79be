using Marketplace.Domain.Evidence;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Deals;

namespace Marketplace.Web.Features.Evidence;

/// <summary>Every move of a deal's, a payment's or a session's evidence goes to the audit log under the record itself,
/// so its timeline shows who documented or verified it and when. (Loans and imported records audit theirs in their
/// own step.)</summary>
public sealed class EvidenceAudit(AuditLog audit) : IDomainEventHandler<EvidenceChanged>
{
    public Task HandleAsync(EvidenceChanged changed, CancellationToken ct)
    {
        var entity = changed.Kind switch
        {
            RecordKind.Deal => DealAudit.DealEntity,
            RecordKind.Payment => DealAudit.PaymentEntity,
            RecordKind.Session => Sessions.SessionService.AuditEntity,
            _ => changed.Kind.ToString(),
        };
        var action = changed.To switch
        {
            EvidenceState.Verified => "EvidenceVerified",
            EvidenceState.Documented when changed.From == EvidenceState.Verified => "VerificationWithdrawn",
            _ => "EvidenceDocumented",
        };
        audit.Record(entity, changed.RecordId, action, changed.From.ToString(), changed.To.ToString(), changed.Comment);
        return Task.CompletedTask;
    }
}
