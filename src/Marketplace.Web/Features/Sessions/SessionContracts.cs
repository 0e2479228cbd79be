using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Sessions;

namespace Marketplace.Web.Features.Sessions;

public sealed record SessionRequest([property: RequiredField("Session")] SessionDetails? Details, uint? Version);

public sealed record PitchRequest([property: RequiredField("Listing")] Guid? ListingId, [property: RequiredField("Starts at")] DateTimeOffset? StartsAt, [property: RequiredField("Minutes")] int? Minutes);

public sealed record CheckInRequest([property: RequiredField("Check-in code")] string? Code);

public sealed record DecisionRequest(uint? Version);

public sealed record PitchResponse(Guid Id, Guid ListingId, string TitleZh, string? TitleEn, Guid PresenterOrganizationId, string Presenter,
    DateTimeOffset StartsAt, int Minutes, PitchState State, int Interest, string[] Modes, decimal? Price);

public sealed record SessionResponse(Guid Id, SessionDetails Details, SessionStatus Status, Guid? CurrentPitchId, bool QuestionsOpen,
    IReadOnlyList<PitchResponse> Agenda, int Approved, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt, uint Version);

/// <summary>The check-in code is the registrant's ticket: only they and the park office see it, and only once approved.</summary>
public sealed record RegistrationResponse(Guid Id, Guid SessionId, Guid OrganizationId, string OrganizationName, OrganizationType OrganizationType,
    RegistrationStatus Status, string? CheckInCode, DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt, DateTimeOffset? OnlineAt, uint Version);

public sealed record BoardQuestion(Guid Id, Guid PitchId, string Organization, string Text, DateTimeOffset At);

public sealed record BoardDeal(Guid DealId, string PatentTitle, string Seller, string Buyer, decimal Amount, DateTimeOffset At);

/// <summary>The park's deal and pledge totals against its yearly targets, when the targets feature provides them.</summary>
public sealed record ParkTotals(decimal Deals, decimal DealTarget, decimal Pledges, decimal PledgeTarget);

/// <summary>Everything the live board shows, as of event <paramref name="Sequence"/>; later events apply on top.</summary>
public sealed record SessionBoard(Guid Id, string TitleZh, string? TitleEn, string Theme, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Venue, string? OnlineUrl, SessionStatus Status, Guid? CurrentPitchId, bool QuestionsOpen, IReadOnlyList<PitchResponse> Agenda,
    IReadOnlyDictionary<string, int> Presence, IReadOnlyList<BoardQuestion> Questions, int Offers, IReadOnlyList<BoardDeal> Deals,
    decimal SessionVolume, ParkTotals? Park, long Sequence);

/// <summary>The answer to the hub's Join: either the events after the client's last one, or a snapshot.</summary>
public sealed record JoinResult(SessionBoard? Snapshot, IReadOnlyList<SessionEventMessage> Missed, bool CanSend, bool CanExpressInterest);

/// <summary>A lead for the listing's owner; the enterprise opens an inquiry tied to the session from <paramref name="InquiryUrl"/>.</summary>
public sealed record LeadResponse(Guid Id, Guid PitchId, Guid ListingId, string PatentTitle, Guid OrganizationId, string Organization, string? Note,
    DateTimeOffset At, string InquiryUrl);

public sealed record InterestResult(long Sequence, int Count, string InquiryUrl);

public sealed record HeldYear(int Year, int Held, int Target);
