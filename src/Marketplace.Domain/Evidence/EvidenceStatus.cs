using Marketplace.Domain.Common;

namespace Marketplace.Domain.Evidence;

/// <summary>
/// The evidence state of one counted record. Declared until a document is attached; documented until the park office
/// verifies it; a verification keeps who verified and when, and can be withdrawn (back to documented) with a reason.
/// Immutable: each step returns the next value, so the owning aggregate decides when it applies.
/// </summary>
public sealed record EvidenceStatus(EvidenceState State, Guid? VerifiedByUserId = null, string? VerifiedBy = null, DateTimeOffset? VerifiedAt = null)
{
    public static EvidenceStatus Declared { get; } = new(EvidenceState.Declared);

    /// <summary>Evidence that arrives with its documents (an import with its certificate, say).</summary>
    public static EvidenceStatus Initial(bool documented) => documented ? new(EvidenceState.Documented) : Declared;

    /// <summary>A document was attached: a declared record is now documented; a later one changes nothing.</summary>
    public EvidenceStatus WithDocument() => State == EvidenceState.Declared ? new(EvidenceState.Documented) : this;

    public EvidenceStatus Verify(Guid userId, string? by, DateTimeOffset now) => State switch
    {
        EvidenceState.Documented => new(EvidenceState.Verified, userId, TextRulesName(by), now),
        EvidenceState.Verified => throw new DomainRuleException("evidence",
            new Text("Already verified by {0} on {1}.", VerifiedBy, VerifiedAt?.ToString("yyyy-MM-dd")), isConflict: true),
        _ => throw new DomainRuleException("evidence", "Attach a document first: only documented records can be verified.", isConflict: true),
    };

    /// <summary>The park office takes a verification back (a document turned out wrong); the reason goes to the audit trail.</summary>
    public EvidenceStatus Withdraw() => State == EvidenceState.Verified
        ? new(EvidenceState.Documented)
        : throw new DomainRuleException("evidence", "Only a verified record can have its verification withdrawn.", isConflict: true);

    private static string TextRulesName(string? by) => string.IsNullOrWhiteSpace(by) ? "?" : by.Trim().Length > 200 ? by.Trim()[..200] : by.Trim();
}

/// <summary>A counted record's evidence moved (documented, verified, verification withdrawn). <paramref name="OwnerId"/>
/// is the aggregate holding the record (the deal of a payment; the record itself otherwise).</summary>
public sealed record EvidenceChanged(RecordKind Kind, Guid RecordId, Guid OwnerId, EvidenceState From, EvidenceState To, string? Comment) : IDomainEvent;
