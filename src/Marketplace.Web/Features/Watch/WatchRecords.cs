using Marketplace.Domain.Patents;

namespace Marketplace.Web.Features.Watch;

public enum WatchAlertKind { FeeDueSoon, FeeOverdue, TermEnding, Lapsed, Restored }

/// <summary>One thing the watch told about a patent, kept so an office (and the park office) can read what was said
/// and when; the notification centre delivers it to people.</summary>
public sealed class WatchAlert
{
    public long Id { get; init; }
    public Guid PatentId { get; init; }
    public WatchAlertKind Kind { get; init; }

    /// <summary>The day the alert is about: the fee's due date, the term's end, the lapse or restoration.</summary>
    public DateOnly On { get; init; }
    public int? FeeYear { get; init; }
    public decimal? Amount { get; init; }

    /// <summary>90, 30 or 7 for a fee due soon.</summary>
    public int? DaysBefore { get; init; }
    public string? Detail { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
}

/// <summary>One run of the daily watch, on whichever instance the cluster gave it to.</summary>
public sealed class WatchRunRecord
{
    public Guid Id { get; init; }

    /// <summary>The trigger's scheduled fire time; two records with the same time would be a run done twice.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }
    public string Instance { get; init; } = "";
    public DateOnly Day { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Patents { get; set; }
    public int Alerts { get; set; }
    public int Lapses { get; set; }
    public string? Error { get; set; }
}

/// <summary>A patent's register history as the platform received it: every status event with its date and where it
/// came from (an uploaded file, the calendar), whether or not it changed anything.</summary>
public sealed class LegalStatusEvent
{
    public long Id { get; init; }
    public Guid PatentId { get; init; }
    public DateOnly On { get; init; }

    /// <summary>The register's words, as the source wrote them (未缴年费专利权终止, 权利恢复 …).</summary>
    public string Status { get; init; } = "";
    public LegalStatus? Reading { get; init; }
    public LegalEventOutcome Outcome { get; init; }

    /// <summary>"file: name.xlsx", "calendar" or another source's name.</summary>
    public string Source { get; init; } = "";
    public Guid? UploadId { get; init; }
    public Guid? RecordedByOrganizationId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
