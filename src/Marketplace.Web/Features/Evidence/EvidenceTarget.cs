using Marketplace.Domain.Evidence;

namespace Marketplace.Web.Features.Evidence;

/// <summary>
/// A counted record as the evidence pages see it: what it is, its evidence now, and what the caller may do with it.
/// <paramref name="Tranche"/> numbers a loan's tranche (the record is then the application).
/// </summary>
public sealed record EvidenceTarget(RecordKind Kind, Guid Id, int? Tranche, string Title, string? Link, EvidenceStatus Evidence, bool CanAttach, bool CanVerify)
{
    /// <summary>The route segment of each kind, e.g. /api/evidence/imported-pledge/{id}.</summary>
    public static string Segment(RecordKind kind) => kind switch
    {
        RecordKind.ImportedPledge => "imported-pledge",
        RecordKind.ImportedContract => "imported-contract",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static RecordKind? Parse(string segment) =>
        Enum.GetValues<RecordKind>().Cast<RecordKind?>().FirstOrDefault(k => Segment(k!.Value) == segment.ToLowerInvariant());
}

public sealed record DocumentResponse(Guid Id, DocumentKind Kind, string FileName, string ContentType, long Size, string Sha256, string? UploadedBy,
    DateTimeOffset UploadedAt, string Url);

public sealed record EvidenceResponse(RecordKind Kind, Guid Id, int? Tranche, string Title, string? Link, EvidenceState State, string? VerifiedBy,
    DateTimeOffset? VerifiedAt, bool CanAttach, bool CanVerify, IReadOnlyList<DocumentResponse> Documents);

public sealed record WithdrawRequest(string? Reason);
