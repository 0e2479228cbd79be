namespace Marketplace.Web.Features.Inquiries;

/// <summary>A message in a negotiation room, optionally with one attachment. Messages are never edited.</summary>
public sealed class InquiryMessage
{
    public Guid Id { get; set; }
    public Guid InquiryId { get; set; }
    public Guid AuthorUserId { get; set; }
    public Guid AuthorOrganizationId { get; set; }
    public string AuthorName { get; set; } = "";
    public string? Body { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public long? AttachmentSize { get; set; }

    /// <summary>The generated name the file is stored under; the user's file name is only ever shown, never used as a key.</summary>
    public string? AttachmentStoredName { get; set; }
}

/// <summary>An attachment's bytes, kept in PostgreSQL so every instance behind the load balancer can serve it.</summary>
public sealed class AttachmentBlob
{
    public string StoredName { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>Up to when a user has read a room: messages and offers from the other party after it are unread.</summary>
public sealed class InquiryRead
{
    public Guid InquiryId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
