using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;

namespace Marketplace.Domain.Deals;

/// <summary>
/// The evidence behind a counted deal and its payments. A document attached moves a record from declared to
/// documented; the park office verifies (who and when kept) or withdraws a verification. Each move is told
/// (<see cref="EvidenceChanged"/>, audited) and, since the kept totals are split by evidence, moves the deal's
/// contribution from one evidence state to the other through <see cref="DealCountChanged"/>.
/// </summary>
public sealed partial class Deal
{
    /// <summary>A document was attached to the deal (<paramref name="instalmentId"/> null) or to one of its payments.</summary>
    public void DocumentEvidence(Guid? instalmentId, DocumentKind kind, DateTimeOffset now)
    {
        Lifecycle.Take(Status, EvidenceStep);
        if (instalmentId is { } id && Instalment(id).Net <= 0)
            throw new DomainRuleException("instalmentId", "No money of this instalment has been received; there is nothing to document yet.", isConflict: true);
        ChangeEvidence(instalmentId, e => e.WithDocument(), kind.ToString(), now);
    }

    public void VerifyEvidence(Guid? instalmentId, Guid userId, string? by, DateTimeOffset now)
    {
        Lifecycle.Take(Status, EvidenceStep);
        ChangeEvidence(instalmentId, e => e.Verify(userId, by, now), by, now);
    }

    public void WithdrawVerification(Guid? instalmentId, string? reason, DateTimeOffset now)
    {
        Lifecycle.Take(Status, EvidenceStep);
        var why = Patents.TextRules.Required(reason, "reason", "the reason", 500, multiline: true);
        ChangeEvidence(instalmentId, e => e.Withdraw(), why, now);
    }

    private void ChangeEvidence(Guid? instalmentId, Func<EvidenceStatus, EvidenceStatus> change, string? comment, DateTimeOffset now)
    {
        var counted = Contribution;
        var instalment = instalmentId is { } id ? Instalment(id) : null;
        var before = instalment?.Evidence ?? Evidence;
        var after = change(before);
        if (after == before) return;
        if (instalment is not null) instalment.Evidence = after;
        else Evidence = after;
        UpdatedAt = now;
        Raise(new EvidenceChanged(instalment is null ? RecordKind.Deal : RecordKind.Payment, instalment?.Id ?? Id, Id, before.State, after.State, comment));
        RaiseIfCountChanged(counted);
    }
}
