using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Features.Notifications;

/// <summary>
/// The navigation bar's count. The count is kept in <c>notice_inboxes</c> by the writes themselves; this instance also
/// keeps it in memory per person, set from the count each write returned (after its commit), so a page reads no table
/// at all. Another instance's writes reach this memory when it expires (<see cref="Lifetime"/>); the badge on an open
/// page is set by the live push in the meantime, which carries the count.
/// </summary>
public sealed class UnreadNotices(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    public async ValueTask<int> CountAsync(Guid userId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(userId), out int known)) return known;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var count = await db.NoticeInboxes.Where(i => i.UserId == userId).Select(i => (int?)i.Unread).SingleOrDefaultAsync(ct) ?? 0;
        Set(userId, count);
        return count;
    }

    public void Set(Guid userId, int count) => cache.Set(Key(userId), Math.Max(0, count), Lifetime);

    private static string Key(Guid userId) => $"notices.unread:{userId}";
}
