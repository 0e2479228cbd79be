using Marketplace.Domain.Common;

namespace Marketplace.Domain.Matchmaking;

/// <summary>
/// A technology need (技术需求) posted by an enterprise. Reviewed by the park office like a listing, then open
/// for matching until it is matched, closed by the enterprise, or its deadline passes. Expiry is a fact of the
/// calendar, so <see cref="StatusOn"/> answers it for any day even before the sweep has stored it.
/// </summary>
public sealed class TechnologyNeed : AggregateRoot
{
    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public NeedDetails Details { get; private set; } = null!;

    /// <summary>Copies of two details, kept as columns so lists and the expiry sweep can filter on them in SQL.</summary>
    public DateOnly Deadline { get; private set; }
    public NeedVisibility Visibility { get; private set; }
    public NeedStatus Status { get; private set; }
    public string? ReviewComment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public uint Version { get; private set; }

    private static readonly NeedStatus[] Expirable = [NeedStatus.PendingReview, NeedStatus.Rework, NeedStatus.Open];

    public static IReadOnlyDictionary<NeedStatus, NeedStatus[]> Transitions { get; } = new Dictionary<NeedStatus, NeedStatus[]>
    {
        [NeedStatus.PendingReview] = [NeedStatus.Open, NeedStatus.Rework, NeedStatus.Rejected, NeedStatus.Closed, NeedStatus.Expired],
        [NeedStatus.Rework] = [NeedStatus.PendingReview, NeedStatus.Closed, NeedStatus.Expired],
        [NeedStatus.Open] = [NeedStatus.PendingReview, NeedStatus.Matched, NeedStatus.Closed, NeedStatus.Expired],
        [NeedStatus.Matched] = [NeedStatus.Closed],
        [NeedStatus.Rejected] = [],
        [NeedStatus.Closed] = [],
        [NeedStatus.Expired] = [],
    };

    private TechnologyNeed() { }

    public static TechnologyNeed Post(Guid organizationId, NeedDetails details, DateOnly today, DateTimeOffset now)
    {
        var need = new TechnologyNeed
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Status = NeedStatus.PendingReview,
            CreatedAt = now,
            UpdatedAt = now,
        };
        need.SetDetails(details.Validated(today));
        return need;
    }

    private void SetDetails(NeedDetails validated)
    {
        Details = validated;
        Deadline = validated.Deadline;
        Visibility = validated.Visibility;
        Raise(new NeedChanged(Id));
    }

    /// <summary>The status as of <paramref name="today"/>: a need whose deadline has passed is expired.</summary>
    public NeedStatus StatusOn(DateOnly today) =>
        Expirable.Contains(Status) && Deadline < today ? NeedStatus.Expired : Status;

    public bool IsOpenOn(DateOnly today) => StatusOn(today) == NeedStatus.Open;

    /// <summary>An edit of an open need goes back to review, as for listings.</summary>
    public void Edit(NeedDetails details, DateOnly today, DateTimeOffset now)
    {
        Guard(today, "edited", NeedStatus.PendingReview, NeedStatus.Rework, NeedStatus.Open);
        SetDetails(details.Validated(today));
        Status = NeedStatus.PendingReview;
        UpdatedAt = now;
    }

    public void Approve(DateOnly today, DateTimeOffset now)
    {
        Move(NeedStatus.Open, today, now, "approved", NeedStatus.PendingReview);
        PublishedAt = now;
        ReviewComment = null;
    }

    public void Reject(string reason, DateOnly today, DateTimeOffset now)
    {
        // The reason is checked before the move, so a refused reason leaves the need as it was.
        var why = Patents.TextRules.Required(reason, "reason", "Reason", 500, multiline: true);
        Move(NeedStatus.Rejected, today, now, "rejected", NeedStatus.PendingReview);
        ReviewComment = why;
    }

    public void RequestRework(string reason, DateOnly today, DateTimeOffset now)
    {
        // The reason is checked before the move, so a refused reason leaves the need as it was.
        var why = Patents.TextRules.Required(reason, "reason", "Reason", 500, multiline: true);
        Move(NeedStatus.Rework, today, now, "sent back for rework", NeedStatus.PendingReview);
        ReviewComment = why;
    }

    /// <summary>An accepted offer on an inquiry made for this need.</summary>
    public void MarkMatched(DateOnly today, DateTimeOffset now) => Move(NeedStatus.Matched, today, now, "matched", NeedStatus.Open);

    public void Close(DateOnly today, DateTimeOffset now) =>
        Move(NeedStatus.Closed, today, now, "closed", NeedStatus.PendingReview, NeedStatus.Rework, NeedStatus.Open, NeedStatus.Matched);

    /// <summary>Stores what <see cref="StatusOn"/> already says; returns false when the need has not expired.</summary>
    public bool ExpireIfDue(DateOnly today, DateTimeOffset now)
    {
        if (StatusOn(today) != NeedStatus.Expired || Status == NeedStatus.Expired) return false;
        Status = NeedStatus.Expired;
        UpdatedAt = now;
        Raise(new NeedChanged(Id));
        return true;
    }

    /// <summary>Of the listings that match now, tells of those published after this need was and not matched before; a
    /// rematch that finds the same listings again, or listings older than the need, tells nothing.</summary>
    public void TellNewMatches(IEnumerable<(Guid ListingId, DateTimeOffset? PublishedAt)> matching, IReadOnlySet<Guid> matchedBefore)
    {
        var fresh = matching.Where(m => !matchedBefore.Contains(m.ListingId) && PublishedAt is { } posted && m.PublishedAt > posted)
            .Select(m => m.ListingId).ToList();
        if (fresh.Count > 0) Raise(new NewListingsMatched(Id, OrganizationId, Details.Title, fresh));
    }

    private void Move(NeedStatus target, DateOnly today, DateTimeOffset now, Text verb, params NeedStatus[] from)
    {
        Guard(today, verb, from);
        Status = target;
        UpdatedAt = now;
        Raise(new NeedChanged(Id));
    }

    private void Guard(DateOnly today, Text verb, params NeedStatus[] from)
    {
        var current = StatusOn(today);
        if (!from.Contains(current))
            throw new DomainRuleException("status", new Text("A need in state {0} cannot be {1}.", current, verb), isConflict: true);
    }
}
