using System.Data;
using System.Text.Json;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sessions;

/// <summary>Events a change will add to its session's log.</summary>
public sealed class PendingEvents
{
    internal List<(string Kind, object Data)> Items { get; } = [];

    /// <summary>The sequence number of the last event, once committed.</summary>
    public long LastSequence { get; internal set; }

    public void Add(string kind, object data) => Items.Add((kind, data));
}

/// <summary>
/// Every change to a session runs in one transaction holding the session's advisory lock, so changes to one
/// session are serialised and their events get gapless, increasing sequence numbers that commit with the change.
/// Broadcasting happens after the commit: a client never sees an event that rolled back.
/// </summary>
public sealed class SessionEventLog(MarketplaceDb db, SessionBroadcaster broadcaster, TimeProvider clock)
{
    public const int ReplayLimit = 500;

    public async Task<T> WriteAsync<T>(Guid sessionId, Func<PendingEvents, Task<T>> change, CancellationToken ct)
    {
        List<SessionEvent> stored;
        T result;
        PendingEvents pending;
        await using (var transaction = await db.Database.BeginUnitOfWorkAsync(ct))
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({sessionId.ToString()}, 0))", ct);
            pending = new PendingEvents();
            result = await change(pending);
            var last = await LastSequenceAsync(sessionId, ct);
            var now = clock.GetUtcNow();
            stored = pending.Items.Select((e, i) => new SessionEvent
            {
                SessionId = sessionId, Sequence = last + 1 + i, Kind = e.Kind, Data = JsonSerializer.Serialize(e.Data, SessionJson.Options), At = now,
            }).ToList();
            db.SessionEvents.AddRange(stored);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            pending.LastSequence = last + stored.Count;
        }
        foreach (var e in stored) broadcaster.Enqueue(e.ToMessage());
        return result;
    }

    public async Task<long> LastSequenceAsync(Guid sessionId, CancellationToken ct) =>
        await db.SessionEvents.Where(e => e.SessionId == sessionId).MaxAsync(e => (long?)e.Sequence, ct) ?? 0;

    /// <summary>Events after <paramref name="after"/>, at most <paramref name="limit"/>; more than that and a snapshot is cheaper.</summary>
    public async Task<IReadOnlyList<SessionEventMessage>> AfterAsync(Guid sessionId, long after, int limit, CancellationToken ct) =>
        (await db.SessionEvents.AsNoTracking().Where(e => e.SessionId == sessionId && e.Sequence > after)
            .OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct)).Select(e => e.ToMessage()).ToList();
}

public static class SessionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
