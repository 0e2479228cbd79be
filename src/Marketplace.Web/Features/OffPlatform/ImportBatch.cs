namespace Marketplace.Web.Features.OffPlatform;

public enum ImportKind { PledgeRegistrations, ContractRegistrations }

/// <summary>
/// One confirmed import of records made off the platform: who brought which file (its SHA-256) and what it did. The
/// white paper lists the batches behind a year's figures as its off-platform sources.
/// </summary>
public sealed class ImportBatch
{
    public Guid Id { get; init; }
    public ImportKind Kind { get; init; }
    public Guid OrganizationId { get; init; }
    public string FileName { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public int Rows { get; init; }
    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public Guid? ImportedByUserId { get; init; }
    public string? ImportedBy { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
}
