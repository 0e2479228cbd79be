using Marketplace.Domain.Sessions;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Web.Features.Sessions;

/// <summary>
/// The live board of a session. Anyone may join a session's group and watch; only approved participants send
/// (interest, questions), which the services check on every call. A client keeps the sequence number of the last
/// event it applied and passes it to <see cref="Join"/> after a reconnect, getting the missed events or, when too
/// many were missed, a snapshot. Methods and events are documented in the README ("Live session board").
/// </summary>
[AllowAnonymous]
public sealed class SessionsHub(SessionReader reader, SessionEventLog log, RegistrationService registrations, ParticipationService participation)
    : Hub<ISessionClient>
{
    public const string Path = "/hubs/sessions";

    public static string Group(Guid sessionId) => $"session:{sessionId}";

    public async Task<JoinResult> Join(Guid sessionId, long? after)
    {
        var session = await reader.FindVisibleAsync(Context.User, sessionId, Context.ConnectionAborted);
        // In the group before reading, so nothing that commits meanwhile is lost; duplicates are dropped by sequence.
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(sessionId), Context.ConnectionAborted);
        var registration = Context.User?.OrganizationId() is { } organizationId
            ? await registrations.MarkOnlineAsync(sessionId, organizationId, Context.ConnectionAborted)
            : null;
        var canSend = registration is { IsParticipant: true };
        var canInterest = canSend && registration!.OrganizationType == Domain.Organizations.OrganizationType.Enterprise;
        if (after is { } last && session.Status != SessionStatus.Draft)
        {
            var missed = await log.AfterAsync(sessionId, last, SessionEventLog.ReplayLimit + 1, Context.ConnectionAborted);
            if (missed.Count <= SessionEventLog.ReplayLimit) return new JoinResult(null, missed, canSend, canInterest);
        }
        return new JoinResult(await reader.SnapshotAsync(Context.User, sessionId, Context.ConnectionAborted), [], canSend, canInterest);
    }

    public Task Leave(Guid sessionId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(sessionId));

    /// <summary>The events after <paramref name="after"/> (at most 500), for a client that noticed a gap.</summary>
    public async Task<IReadOnlyList<SessionEventMessage>> Replay(Guid sessionId, long after)
    {
        await reader.FindVisibleAsync(Context.User, sessionId, Context.ConnectionAborted);
        return await log.AfterAsync(sessionId, after, SessionEventLog.ReplayLimit, Context.ConnectionAborted);
    }

    public Task<SessionBoard> Snapshot(Guid sessionId) => reader.SnapshotAsync(Context.User, sessionId, Context.ConnectionAborted);

    public Task<InterestResult> ExpressInterest(Guid sessionId, Guid pitchId, string? note) =>
        participation.ExpressInterestAsync(Context.User, sessionId, pitchId, note, Context.ConnectionAborted);

    public Task<long> AskQuestion(Guid sessionId, string? text) =>
        participation.AskAsync(Context.User, sessionId, text, Context.ConnectionAborted);
}
