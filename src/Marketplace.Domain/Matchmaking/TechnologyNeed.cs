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

    public static readonly LifecycleStep<NeedStatus>
        // An edit of an open need goes back to review, as for listings.
        EditStep = LifecycleStep<NeedStatus>.To(NeedStatus.PendingReview, "edited", NeedStatus.PendingReview, NeedStatus.Rework, NeedStatus.Open),
        ApproveStep = LifecycleStep<NeedStatus>.To(NeedStatus.Open, "approved", NeedStatus.PendingReview),
        RejectStep = LifecycleStep<NeedStatus>.To(NeedStatus.Rejected, "rejected", NeedStatus.PendingReview),
        ReworkStep = LifecycleStep<NeedStatus>.To(NeedStatus.Rework, "sent back for rework", NeedStatus.PendingReview),
        MatchStep = LifecycleStep<NeedStatus>.To(NeedStatus.Matched, "matched", NeedStatus.Open),
        CloseStep = LifecycleStep<NeedStatus>.To(NeedStatus.Closed, "closed", NeedStatus.PendingReview, NeedStatus.Rework, NeedStatus.Open, NeedStatus.Matched),
        // Taken by the calendar, not by anyone: see StatusOn.
        ExpireStep = LifecycleStep<NeedStatus>.To(NeedStatus.Expired, "marked expired", NeedStatus.PendingReview, NeedStatus.Rework, NeedStatus.Open);

    /// <summary>Every step of a need's life; the guards read it from the status as of the day (<see cref="StatusOn"/>).</summary>
    public static Lifecycle<NeedStatus> Lifecycle { get; } = new("A need in state {0} cannot be {1}.",
        EditStep, ApproveStep, RejectStep, ReworkStep, MatchStep, CloseStep, ExpireStep);

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
        ExpireStep.Moves.ContainsKey(Status) && Deadline < today ? NeedStatus.Expired : Status;

    public bool IsOpenOn(DateOnly today) => StatusOn(today) == NeedStatus.Open;

    public void Edit(NeedDetails details, DateOnly today, DateTimeOffset now)
    {
        var next = Lifecycle.Take(StatusOn(today), EditStep);
        SetDetails(details.Validated(today));
        Status = next;
        UpdatedAt = now;
    }

    public void Approve(DateOnly today, DateTimeOffset now)
    {
        Move(ApproveStep, today, now);
        PublishedAt = now;
        ReviewComment = null;
    }

    public void Reject(string reason, DateOnly today, DateTimeOffset now)
    {
        var why = Reason(RejectStep, reason, today);
        Move(RejectStep, today, now);
        ReviewComment = why;
    }

    public void RequestRework(string reason, DateOnly today, DateTimeOffset now)
    {
        var why = Reason(ReworkStep, reason, today);
        Move(ReworkStep, today, now);
        ReviewComment = why;
    }

    /// <summary>An accepted offer on an inquiry made for this need.</summary>
    public void MarkMatched(DateOnly today, DateTimeOffset now) => Move(MatchStep, today, now);

    public void Close(DateOnly today, DateTimeOffset now) => Move(CloseStep, today, now);

    /// <summary>Stores what <see cref="StatusOn"/> already says; returns false when the need has not expired.</summary>
    public bool ExpireIfDue(DateOnly today, DateTimeOffset now)
    {
        if (StatusOn(today) != NeedStatus.Expired || Status == NeedStatus.Expired) return false;
        Status = Lifecycle.Take(Status, ExpireStep);
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

    // The state is checked before the reason, so a refused need is a conflict whatever the reason, and a refused
    // reason leaves the need as it was.
    private string Reason(LifecycleStep<NeedStatus> step, string? reason, DateOnly today)
    {
        Lifecycle.Take(StatusOn(today), step);
        return Patents.TextRules.Required(reason, "reason", "Reason", 500, multiline: true);
    }

    private void Move(LifecycleStep<NeedStatus> step, DateOnly today, DateTimeOffset now)
    {
        Status = Lifecycle.Take(StatusOn(today), step);
        UpdatedAt = now;
        Raise(new NeedChanged(Id));
    }
}
