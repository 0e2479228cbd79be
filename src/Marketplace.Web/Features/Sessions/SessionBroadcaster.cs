using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Web.Features.Sessions;

/// <summary>
/// Pushes committed events to the session's group through <see cref="IHubContext{THub,T}"/>, from a background
/// loop rather than the request: with the Redis backplane down a publish waits and fails, and neither the API
/// call nor the hub call that made the change should wait for it. Clients that missed an event see the gap in
/// the sequence numbers and replay it from the log.
/// </summary>
public sealed class SessionBroadcaster(IHubContext<SessionsHub, ISessionClient> hub, ILogger<SessionBroadcaster> log) : BackgroundService
{
    private readonly Channel<SessionEventMessage> _queue = Channel.CreateUnbounded<SessionEventMessage>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(SessionEventMessage message) => _queue.Writer.TryWrite(message);

    /// <summary>Sends at once, for callers (the benchmark) that measure the push itself.</summary>
    public Task SendAsync(SessionEventMessage message) => hub.Clients.Group(SessionsHub.Group(message.SessionId)).Event(message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(message);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not push event {Sequence} of session {Session}", message.Sequence, message.SessionId);
            }
        }
    }
}
