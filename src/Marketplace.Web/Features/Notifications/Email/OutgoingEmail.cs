namespace Marketplace.Web.Features.Notifications.Email;

/// <summary>
/// The e-mail outbox: a row per e-mail to send, written in the transaction of the notice (or the digest) it carries, and
/// sent after the commit by <see cref="EmailOutbox"/>. Its id is the e-mail's send-once key: the Message-ID of every
/// attempt is made from it, so a receiver that already has the message can drop a repeat (ADR 0018).
/// </summary>
public sealed class OutgoingEmail
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The notice told (null for a digest).</summary>
    public Guid? NoticeId { get; set; }
    /// <summary>The notice's kind, or <see cref="DigestKind"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The notices a digest gathers.</summary>
    public Guid[] DigestNoticeIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not tried again before this (the back-off after a refusal or a timeout).</summary>
    public DateTimeOffset NotBefore { get; set; }
    /// <summary>Leased to a sender until then; a lease that runs out unsent means the sender died mid-way.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    public const string DigestKind = "digest";

    public string MessageId => $"{Id:N}@notices.weihai-marketplace";
}

/// <summary>An e-mail "sent" to the database instead of a mail server (the default of the run command): the park office
/// reads them on the mailbox page. Keyed by Message-ID, so a repeated attempt is stored once.</summary>
public sealed class MailboxMessage
{
    public string MessageId { get; set; } = "";
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Kind { get; set; } = "";
    public byte[] Mime { get; set; } = [];
    public DateTimeOffset StoredAt { get; set; }
}
