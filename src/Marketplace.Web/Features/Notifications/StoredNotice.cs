namespace Marketplace.Web.Features.Notifications;

/// <summary>One notice to one person, kept: what it says (a template and its arguments, said in the reader's
/// language when read), where to look, and whether it was read. Written in the transaction of its cause.</summary>
public sealed class StoredNotice
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Kind { get; set; } = "";
    public string Template { get; set; } = "";
    /// <summary>The template's arguments as JSON (<see cref="NoticeText"/>).</summary>
    public string Args { get; set; } = "[]";
    public string? Url { get; set; }
    public Guid? SubjectId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>Makes a notice once-only per person (a saved search's match of one listing, a session's 24-hour reminder).</summary>
    public string? DedupeKey { get; set; }
    /// <summary>Shown in the notification centre and counted in the badge (the person's in-app choice for the kind).</summary>
    public bool InApp { get; set; }
    /// <summary>To go into the person's next daily digest; <see cref="DigestedAt"/> says when it went.</summary>
    public bool Digest { get; set; }
    public DateTimeOffset? DigestedAt { get; set; }
}

/// <summary>A person's choice for one kind; kinds without a row use the kind's defaults.</summary>
public sealed class NoticePreference
{
    public Guid UserId { get; set; }
    public string Kind { get; set; } = "";
    public bool InApp { get; set; }
    public bool Email { get; set; }
    public bool Digest { get; set; }
}

/// <summary>Per person: the language e-mails are written in. (It also kept the unread count until the count moved to
/// the notices themselves: one row per person, updated by every notice's transaction, queued concurrent writes to the
/// same person behind each other; see <see cref="UnreadNotices"/>.)</summary>
public sealed class NoticeInbox
{
    public Guid UserId { get; set; }
    public string Language { get; set; } = "zh-CN";
}
