using Marketplace.Domain.Common;

namespace Marketplace.Domain.Sessions;

/// <summary>
/// A supply–demand matchmaking session (供需对接会) run by the park office: announced in Draft, open for
/// registration, live while the office drives the agenda pitch by pitch, then closed. The session owns its
/// agenda, so the current pitch changes only through it and at most one pitch is current.
/// </summary>
public sealed class MatchmakingSession : AggregateRoot
{
    private readonly List<SessionPitch> _pitches = [];

    public Guid Id { get; private set; }
    public SessionDetails Details { get; private set; } = null!;

    /// <summary>Copies of details kept as columns so lists and the yearly count filter on them in SQL.</summary>
    public DateTimeOffset StartsAt { get; private set; }
    public SessionStatus Status { get; private set; }
    public Guid? CurrentPitchId { get; private set; }
    public bool QuestionsOpen { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<SessionPitch> Pitches => _pitches;

    public static readonly LifecycleStep<SessionStatus>
        Open = LifecycleStep<SessionStatus>.To(SessionStatus.Open, "opened for registration", SessionStatus.Draft),
        Start = LifecycleStep<SessionStatus>.To(SessionStatus.Live, "started", SessionStatus.Open),
        CloseStep = LifecycleStep<SessionStatus>.To(SessionStatus.Closed, "closed", SessionStatus.Live),
        EditStep = LifecycleStep<SessionStatus>.Within("edited", SessionStatus.Draft, SessionStatus.Open),
        Plan = LifecycleStep<SessionStatus>.Within("given new pitches", SessionStatus.Draft, SessionStatus.Open),
        Drive = LifecycleStep<SessionStatus>.Within("driven pitch by pitch", SessionStatus.Live);

    public static Lifecycle<SessionStatus> Lifecycle { get; } = new("A session in state {0} cannot be {1}.", Open, Start, CloseStep, EditStep, Plan, Drive);

    private MatchmakingSession() { }

    public static MatchmakingSession Create(SessionDetails details, DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var session = new MatchmakingSession { Id = Guid.CreateVersion7(now), Status = SessionStatus.Draft, CreatedAt = now, UpdatedAt = now };
        session.SetDetails(details.Validated());
        return session;
    }

    public void Edit(SessionDetails details, DateTimeOffset now)
    {
        Lifecycle.Take(Status, EditStep);
        var validated = details.Validated();
        if (_pitches.Any(p => !Within(validated, p.StartsAt, p.Minutes)))
            throw new DomainRuleException("startsAt", "A pitch of the agenda would fall outside the new times; move it first.");
        SetDetails(validated);
        UpdatedAt = now;
    }

    public SessionPitch AddPitch(Guid listingId, Guid presenterOrganizationId, DateTimeOffset startsAt, int minutes, DateTimeOffset now)
    {
        Lifecycle.Take(Status, Plan);
        if (minutes is < 1 or > 120)
            throw new DomainRuleException("minutes", "A pitch lasts between 1 and 120 minutes.");
        if (!Within(Details, startsAt, minutes))
            throw new DomainRuleException("startsAt", "A pitch's slot must lie within the session's times.");
        if (_pitches.Any(p => p.ListingId == listingId))
            throw new DomainRuleException("listingId", "This listing is already on the agenda.", isConflict: true);
        var pitch = new SessionPitch(Id, listingId, presenterOrganizationId, startsAt, minutes, now);
        _pitches.Add(pitch);
        UpdatedAt = now;
        return pitch;
    }

    /// <summary>An announced session needs an agenda: there is nothing to register for without one.</summary>
    public void OpenRegistration(DateTimeOffset now)
    {
        if (Status == SessionStatus.Draft && _pitches.Count == 0)
            throw new DomainRuleException("pitches", "Add at least one pitch to the agenda before opening registration.", isConflict: true);
        Move(Open, now);
    }

    /// <summary>A session counts as held from the moment it goes live.</summary>
    public void GoLive(DateTimeOffset now)
    {
        Move(Start, now);
        StartedAt = now;
    }

    public void Close(DateTimeOffset now)
    {
        Move(CloseStep, now);
        Current?.Finish();
        CurrentPitchId = null;
        QuestionsOpen = false;
        ClosedAt = now;
    }

    public bool AcceptsRegistrations(DateTimeOffset now) => Status == SessionStatus.Open && now <= Details.RegistrationDeadline;

    /// <summary>Deals made in the session go on its board once it is live, and after it closes for the record.</summary>
    public void EnsureDealsCanBeAnnounced()
    {
        if (Status is not (SessionStatus.Live or SessionStatus.Closed))
            throw new DomainRuleException("status", "Deals are announced during or after the live session.", isConflict: true);
    }

    public SessionPitch? Current => _pitches.FirstOrDefault(p => p.Id == CurrentPitchId);

    /// <summary>The first pitch still to come, in agenda order.</summary>
    public SessionPitch? Next => Agenda.FirstOrDefault(p => p.State == PitchState.Pending);

    public IEnumerable<SessionPitch> Agenda => _pitches.OrderBy(p => p.StartsAt).ThenBy(p => p.Id);

    /// <summary>The current pitch is done when another starts; questions are asked about one pitch, so they close.</summary>
    public SessionPitch StartPitch(Guid pitchId, DateTimeOffset now)
    {
        Lifecycle.Take(Status, Drive);
        var pitch = _pitches.FirstOrDefault(p => p.Id == pitchId) ?? throw new DomainRuleException("pitchId", "There is no such pitch in this session.");
        if (pitch.State != PitchState.Pending)
            throw new DomainRuleException("pitchId", new Text("This pitch is {0}; only a pending pitch can start.", pitch.State), isConflict: true);
        Current?.Finish();
        pitch.Start(now);
        CurrentPitchId = pitch.Id;
        QuestionsOpen = false;
        UpdatedAt = now;
        return pitch;
    }

    public void SetQuestionsOpen(bool open, DateTimeOffset now)
    {
        if (Status != SessionStatus.Live || CurrentPitchId is null)
            throw new DomainRuleException("questions", "Questions are taken during a pitch of a live session.", isConflict: true);
        QuestionsOpen = open;
        UpdatedAt = now;
    }

    private static bool Within(SessionDetails details, DateTimeOffset startsAt, int minutes) =>
        startsAt >= details.StartsAt && startsAt.AddMinutes(minutes) <= details.EndsAt;

    private void SetDetails(SessionDetails details)
    {
        Details = details;
        StartsAt = details.StartsAt;
    }

    private void Move(LifecycleStep<SessionStatus> step, DateTimeOffset now)
    {
        var from = Status;
        Status = Lifecycle.Take(Status, step);
        UpdatedAt = now;
        Raise(new SessionStatusChanged(Id, from, Status));
    }
}
