using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;

namespace Marketplace.Domain.Sessions;

/// <summary>
/// The evidence that a session was held: the attendance recorded on the platform is shown beside it; a signed
/// attendance sheet or photographs make it documented; the park office's verification keeps who and when.
/// </summary>
public sealed partial class MatchmakingSession
{
    public EvidenceStatus Evidence { get; private set; } = EvidenceStatus.Declared;

    public void DocumentEvidence(DateTimeOffset now) => ChangeEvidence(e => e.WithDocument(), DocumentKind.AttendanceSheet.ToString(), now);

    public void VerifyEvidence(Guid userId, string? by, DateTimeOffset now) => ChangeEvidence(e => e.Verify(userId, by, now), by, now);

    public void WithdrawVerification(string? reason, DateTimeOffset now) =>
        ChangeEvidence(e => e.Withdraw(), Patents.TextRules.Required(reason, "reason", "the reason", 500, multiline: true), now);

    private void ChangeEvidence(Func<EvidenceStatus, EvidenceStatus> change, string? comment, DateTimeOffset now)
    {
        if (Status is not (SessionStatus.Live or SessionStatus.Closed))
            throw new DomainRuleException("status", "Only a session that was held carries evidence of it.", isConflict: true);
        var before = Evidence;
        Evidence = change(before);
        if (Evidence == before) return;
        UpdatedAt = now;
        Raise(new EvidenceChanged(RecordKind.Session, Id, Id, before.State, Evidence.State, comment));
    }
}
