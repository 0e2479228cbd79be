using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Features.Notifications;

/// <summary>
/// The navigation bar's count: a person's unread in-app notices, counted from the notices themselves (a partial index
/// holds exactly the unread ones) and kept in memory per person, so a page reads no table at all.
/// <para>
/// Not a kept counter: a counter row per person, moved inside the transaction of every notice, made concurrent writes
/// that notify the same person wait for each other's commits (the load suite's mixed profile at 256 connections timed
/// out on it). Counting holds no lock. A write drops its readers' counts after its commit and the live push counts them
/// again (<see cref="LivePush"/>); another instance's writes reach this memory when it expires (<see cref="Lifetime"/>).
/// </para>
/// </summary>
public sealed class UnreadNotices(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    /// <summary>A kept count, or (null) the mark a commit leaves: a count taken before it must not be kept after it.</summary>
    private sealed record Kept(int? Count);

    public async ValueTask<int> CountAsync(Guid userId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(userId), out Kept? kept) && kept?.Count is { } known) return known;
        return (await RecountAsync([userId], ct))[userId];
    }

    /// <summary>Counts these people's unread notices in one query and keeps the counts, except where a commit of new
    /// notices to a person came while this counted (that commit's own count will be kept).</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> RecountAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var before = userIds.Distinct().ToDictionary(id => id, id => cache.Get<Kept>(Key(id)));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var counted = await db.Notices.AsNoTracking()
            .Where(n => userIds.Contains(n.UserId) && n.InApp && n.ReadAt == null)
            .GroupBy(n => n.UserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var counts = before.Keys.ToDictionary(id => id, id => counted.GetValueOrDefault(id));
        foreach (var (id, count) in counts)
            if (ReferenceEquals(cache.Get<Kept>(Key(id)), before[id])) cache.Set(Key(id), new Kept(count), Lifetime);
        return counts;
    }

    /// <summary>After the commit of notices to these people: their next page counts again.</summary>
    public void Forget(IEnumerable<Guid> userIds)
    {
        foreach (var id in userIds) cache.Set(Key(id), new Kept(null), Lifetime);
    }

    private static string Key(Guid userId) => $"notices.unread:{userId}";
}
