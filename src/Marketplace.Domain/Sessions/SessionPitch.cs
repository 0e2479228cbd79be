namespace Marketplace.Domain.Sessions;

/// <summary>One item of the agenda: a listing presented by an organisation in a time slot.</summary>
public sealed class SessionPitch
{
    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid ListingId { get; private set; }
    public Guid PresenterOrganizationId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public int Minutes { get; private set; }
    public PitchState State { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }

    private SessionPitch() { }

    internal SessionPitch(Guid sessionId, Guid listingId, Guid presenterOrganizationId, DateTimeOffset startsAt, int minutes, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        SessionId = sessionId;
        ListingId = listingId;
        PresenterOrganizationId = presenterOrganizationId;
        StartsAt = startsAt.ToUniversalTime();
        Minutes = minutes;
        State = PitchState.Pending;
    }

    internal void Start(DateTimeOffset now)
    {
        State = PitchState.Current;
        StartedAt = now;
    }

    internal void Finish() => State = PitchState.Done;
}
