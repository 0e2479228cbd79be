using System.Text.Json;

namespace Marketplace.Web.Features.Sessions;

/// <summary>
/// One thing that happened on a session's board, stored with its per-session sequence number so that any
/// instance can replay what a reconnecting client missed. Data is the event's JSON payload.
/// </summary>
public sealed class SessionEvent
{
    public Guid SessionId { get; init; }
    public long Sequence { get; init; }
    public string Kind { get; init; } = "";
    public string Data { get; init; } = "{}";
    public DateTimeOffset At { get; init; }

    public SessionEventMessage ToMessage() => new(SessionId, Sequence, Kind, JsonDocument.Parse(Data).RootElement.Clone(), At);
}

/// <summary>What clients receive: <paramref name="Sequence"/> grows by one per event of the session, without gaps.</summary>
public sealed record SessionEventMessage(Guid SessionId, long Sequence, string Kind, JsonElement Data, DateTimeOffset At);

/// <summary>The event kinds, documented for other clients in the README.</summary>
public static class SessionEventKinds
{
    public const string Status = "session.status";
    public const string PitchStarted = "pitch.started";
    public const string Questions = "questions.toggled";
    public const string Interest = "interest";
    public const string Question = "question";
    public const string Presence = "presence";
    public const string DealAnnounced = "deal.announced";
}

/// <summary>The one method the server calls on session clients, so events keep their order on the wire.</summary>
public interface ISessionClient
{
    Task Event(SessionEventMessage message);
}
