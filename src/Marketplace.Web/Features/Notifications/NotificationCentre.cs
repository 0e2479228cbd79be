using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Notifications;

public sealed record NoticeResponse(Guid Id, string Kind, string Text, string? Url, Guid? SubjectId, DateTimeOffset CreatedAt, bool Read);

public sealed record NoticePage(IReadOnlyList<NoticeResponse> Items, int Total, int Unread, int Page, int PageSize);

/// <summary>A person's notices: listed newest first in the reader's language, marked read one by one or all at once.
/// After reading, the count is taken again and pushed to the person's other pages.</summary>
public sealed class NotificationCentre(MarketplaceDb db, UnreadNotices unread, LivePush push, IStringLocalizer<SharedResource> t, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<NoticePage> ListAsync(Guid userId, int? page, int? pageSize, bool unreadOnly, CancellationToken ct)
    {
        var size = pageSize ?? 20;
        var number = page ?? 1;
        if (size is < 1 or > MaxPageSize) throw new DomainRuleException("pageSize", new Text("The page size is 1 to {0}.", MaxPageSize));
        // Beyond this, (page - 1) × size overflows; no one has that many notices.
        if (number < 1 || number > int.MaxValue / MaxPageSize) throw new DomainRuleException("page", new Text("The page is 1 to {0}.", int.MaxValue / MaxPageSize));
        var mine = db.Notices.AsNoTracking().Where(n => n.UserId == userId && n.InApp && (!unreadOnly || n.ReadAt == null));
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(n => new NoticeResponse(n.Id, n.Kind, t.SayNotice(n), n.Url, n.SubjectId,
            n.CreatedAt, n.ReadAt is not null)).ToList();
        return new NoticePage(items, total, await unread.CountAsync(userId, ct), number, size);
    }

    /// <summary>Marks one of the person's notices read; another person's notice is not found.</summary>
    public async Task<int> MarkReadAsync(Guid userId, Guid noticeId, CancellationToken ct)
    {
        if (!await db.Notices.AnyAsync(n => n.Id == noticeId && n.UserId == userId && n.InApp, ct)) throw new NotFoundException("Notice");
        return await ReadAsync(userId, noticeId, ct);
    }

    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct) => ReadAsync(userId, null, ct);

    private async Task<int> ReadAsync(Guid userId, Guid? noticeId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Notices.Where(n => n.UserId == userId && n.InApp && n.ReadAt == null && (noticeId == null || n.Id == noticeId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        unread.Forget([userId]);
        var left = (await unread.RecountAsync([userId], ct))[userId];
        await push.CountAsync(userId, left);
        return left;
    }
}
