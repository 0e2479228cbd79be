namespace Marketplace.Web.Platform.Idempotency;

/// <summary>
/// The stored answer to one write sent with an <c>Idempotency-Key</c>: it commits in the same transaction as the
/// write, so after a crash either both are there (a retry gets this answer again) or neither is (a retry runs it).
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>The user the key belongs to: keys are the client's own names and only unique per caller.</summary>
    public Guid UserId { get; set; }
    public string Key { get; set; } = "";
    /// <summary>SHA-256 of method, path, query and body: the same key with a different request is refused.</summary>
    public byte[] RequestHash { get; set; } = [];
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[] Body { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}
