using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Sessions;

/// <summary>
/// A registered enterprise pressing "interested" during a pitch, optionally with a note. It is a lead for the
/// listing's owner and the enterprise's way into an inquiry tied to the session.
/// </summary>
public sealed class SessionInterest
{
    public const int MaxNote = 500;

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid PitchId { get; private set; }
    public Guid ListingId { get; private set; }
    public Guid OwnerOrganizationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid? UserId { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }

    private SessionInterest() { }

    /// <summary>Interest in the current pitch or one already presented; the presenter cannot be interested in its own.</summary>
    public static SessionInterest Express(MatchmakingSession session, Guid pitchId, SessionRegistration registration, Guid? userId, string? note, DateTimeOffset now)
    {
        SessionQuestion.EnsureParticipant(session, registration);
        if (registration.OrganizationType != OrganizationType.Enterprise)
            throw new ForbiddenActionException("registration", "Only registered enterprises express interest in a pitch.");
        if (session.Status != SessionStatus.Live)
            throw new DomainRuleException("status", "Interest is expressed while the session is live.", isConflict: true);
        var pitch = session.Pitches.FirstOrDefault(p => p.Id == pitchId) ?? throw new DomainRuleException("pitchId", "There is no such pitch in this session.");
        if (pitch.State == PitchState.Pending)
            throw new DomainRuleException("pitchId", "This pitch has not been presented yet.", isConflict: true);
        if (pitch.PresenterOrganizationId == registration.OrganizationId)
            throw new DomainRuleException("pitchId", "This is your own organisation's pitch.");
        return new SessionInterest
        {
            Id = Guid.CreateVersion7(now), SessionId = session.Id, PitchId = pitch.Id, ListingId = pitch.ListingId,
            OwnerOrganizationId = pitch.PresenterOrganizationId, OrganizationId = registration.OrganizationId, UserId = userId,
            Note = TextRules.Optional(note, "note", "Note", MaxNote, multiline: true), At = now,
        };
    }
}

/// <summary>A participant's question to the presenter of the current pitch, while the office has questions open.</summary>
public sealed class SessionQuestion
{
    public const int MaxText = 500;

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid PitchId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid? UserId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private SessionQuestion() { }

    public static SessionQuestion Ask(MatchmakingSession session, SessionRegistration registration, Guid? userId, string? text, DateTimeOffset now)
    {
        EnsureParticipant(session, registration);
        if (!session.QuestionsOpen || session.CurrentPitchId is not { } pitchId)
            throw new DomainRuleException("questions", "Questions are not open right now.", isConflict: true);
        return new SessionQuestion
        {
            Id = Guid.CreateVersion7(now), SessionId = session.Id, PitchId = pitchId, OrganizationId = registration.OrganizationId, UserId = userId,
            Text = TextRules.Required(text, "text", "Question", MaxText, multiline: true), At = now,
        };
    }

    internal static void EnsureParticipant(MatchmakingSession session, SessionRegistration registration)
    {
        if (registration.SessionId != session.Id || !registration.IsParticipant)
            throw new ForbiddenActionException("registration", "Only approved participants of this session may send to its board.");
    }
}
