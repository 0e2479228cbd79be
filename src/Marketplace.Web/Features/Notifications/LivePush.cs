using System.Threading.Channels;
using Marketplace.Domain.Common;
using Marketplace.Web.Platform.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Notifications;

/// <summary>
/// Pushes stored notices to their readers' open pages, after the commit and off the request: a notice to ten thousand
/// people must not hold up the change that caused it. Each person's connections listen in their reader's language (see
/// <see cref="NotificationsHub"/>), so a notice is said once per language. A lost push loses nothing: the notice is
/// stored, and the page shows it on the next load.
/// </summary>
public sealed class LivePush(IHubContext<NotificationsHub, INotificationClient> hub, IStringLocalizer<SharedResource> t, UnreadNotices unread,
    ILogger<LivePush> log) : BackgroundService
{
    public sealed record Item(Guid UserId, string Kind, Text Text, string? Url, Guid? SubjectId);

    private readonly Channel<IReadOnlyList<Item>> _queue = Channel.CreateUnbounded<IReadOnlyList<Item>>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(IReadOnlyList<Item> items)
    {
        if (items.Count > 0) _queue.Writer.TryWrite(items);
    }

    /// <summary>A change of the count alone (notices read on another page or device).</summary>
    public async Task CountAsync(Guid userId, int unread)
    {
        try
        {
            foreach (var culture in LocalizationFeature.Cultures)
                await hub.Clients.Group(NotificationsHub.UserGroup(userId, culture)).Unread(unread);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not push the unread count");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var said = LocalizationFeature.Cultures.ToDictionary(c => c, c => TextLocalizer.In(c, () => t.SayNotice(batch[0].Text)));
                // Counted after the commit, once per batch: the badge shows what is unread with this notice.
                var counts = await unread.RecountAsync(batch.Select(i => i.UserId).ToList(), stoppingToken);
                foreach (var item in batch)
                foreach (var (culture, text) in said)
                    await hub.Clients.Group(NotificationsHub.UserGroup(item.UserId, culture))
                        .Notify(new Notification(item.Kind, text, item.Url, item.SubjectId, counts[item.UserId]));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Could not push {Count} notices of kind {Kind}", batch.Count, batch[0].Kind);
            }
        }
    }
}
