using System.Security.Cryptography;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;

namespace Marketplace.Domain.Sessions;

/// <summary>
/// An organisation's place at a session, approved by the park office. Attendance is either a check-in at the
/// door with the registration's code or being online on the live board; either counts once.
/// </summary>
public sealed class SessionRegistration
{
    /// <summary>No 0/O or 1/I: the code is read aloud and typed at the door.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static readonly OrganizationType[] Eligible =
        [OrganizationType.Enterprise, OrganizationType.University, OrganizationType.Bank, OrganizationType.ServiceAgency];

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public OrganizationType OrganizationType { get; private set; }
    public Guid? UserId { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public string CheckInCode { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? OnlineAt { get; private set; }
    public uint Version { get; private set; }

    public bool Attended => CheckedInAt is not null || OnlineAt is not null;

    public bool IsParticipant => Status == RegistrationStatus.Approved;

    private SessionRegistration() { }

    public static SessionRegistration Register(MatchmakingSession session, Guid organizationId, OrganizationType type, Guid? userId, DateTimeOffset now)
    {
        if (!Eligible.Contains(type))
            throw new ForbiddenActionException("organization", "Enterprises, tech-transfer offices, banks and service agencies register for sessions.");
        if (!session.AcceptsRegistrations(now))
            throw new DomainRuleException("status", session.Status == SessionStatus.Open
                ? "Registration for this session has closed."
                : new Text("A session in state {0} does not take registrations.", session.Status), isConflict: true);
        return new SessionRegistration
        {
            Id = Guid.CreateVersion7(now), SessionId = session.Id, OrganizationId = organizationId, OrganizationType = type, UserId = userId,
            Status = RegistrationStatus.Pending, CheckInCode = RandomNumberGenerator.GetString(CodeAlphabet, 8), RegisteredAt = now,
        };
    }

    /// <summary>The capacity counts approved places, so the office decides who gets the last ones.</summary>
    public void Approve(MatchmakingSession session, int approvedSoFar, DateTimeOffset now)
    {
        Decide(session, now);
        if (approvedSoFar >= session.Details.Capacity)
            throw new DomainRuleException("capacity", new Text("All {0} places are taken.", session.Details.Capacity), isConflict: true);
        Status = RegistrationStatus.Approved;
    }

    public void Reject(MatchmakingSession session, DateTimeOffset now)
    {
        Decide(session, now);
        Status = RegistrationStatus.Rejected;
    }

    /// <summary>Returns true the first time; checking in twice is harmless.</summary>
    public bool CheckIn(MatchmakingSession session, DateTimeOffset now)
    {
        if (session.Status is not (SessionStatus.Open or SessionStatus.Live))
            throw new DomainRuleException("status", new Text("Check-in is not possible for a session in state {0}.", session.Status), isConflict: true);
        if (!IsParticipant)
            throw new DomainRuleException("code", "This registration has not been approved.", isConflict: true);
        if (CheckedInAt is not null) return false;
        CheckedInAt = now;
        return true;
    }

    /// <summary>An approved participant watching the live board attends online; true the first time.</summary>
    public bool MarkOnline(MatchmakingSession session, DateTimeOffset now)
    {
        if (!IsParticipant || session.Status != SessionStatus.Live || OnlineAt is not null) return false;
        OnlineAt = now;
        return true;
    }

    public static string NormalizeCode(string? code) => (code ?? "").Trim().Replace("-", "").Replace(" ", "").ToUpperInvariant();

    private void Decide(MatchmakingSession session, DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Pending)
            throw new DomainRuleException("status", new Text("This registration is already {0}.", Status), isConflict: true);
        if (session.Status == SessionStatus.Closed)
            throw new DomainRuleException("status", "The session is closed.", isConflict: true);
        DecidedAt = now;
    }
}
