using Marketplace.Domain.Evidence;

namespace Marketplace.Web.Features.Evidence;

/// <summary>
/// A document attached to a counted record: its kind, the type its bytes proved, and its SHA-256, by which anyone
/// holding a copy can check it is the same file. The bytes live apart (<see cref="EvidenceBlob"/>) so lists of
/// documents never load them.
/// </summary>
public sealed class EvidenceDocument
{
    public Guid Id { get; init; }
    public RecordKind RecordKind { get; init; }
    public Guid RecordId { get; init; }

    /// <summary>For a loan tranche: its number (1 for the first); the record is the application.</summary>
    public int? Tranche { get; init; }
    public DocumentKind Kind { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public Guid? UploadedByUserId { get; init; }
    public string? UploadedBy { get; init; }
    public Guid? UploadedByOrganizationId { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

public sealed class EvidenceBlob
{
    public Guid DocumentId { get; init; }
    public byte[] Content { get; init; } = [];
}
