namespace Marketplace.Web.Platform.Audit;

/// <summary>
/// One state change, append-only: the table refuses UPDATE and DELETE by trigger (see the migration), so a row
/// once written is evidence.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public Guid? UserId { get; init; }
    public string? UserEmail { get; init; }
    public Guid? OrganizationId { get; init; }
    public required string Entity { get; init; }
    public required string EntityId { get; init; }
    public required string Action { get; init; }
    public string? FromState { get; init; }
    public string? ToState { get; init; }
    public string? IpAddress { get; init; }
    public string? Comment { get; init; }
}
