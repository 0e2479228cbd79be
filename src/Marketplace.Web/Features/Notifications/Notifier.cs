using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Web.Features.Notifications;

/// <summary>
/// Pushes notifications from services and background work. Call it after the change has committed: a notice
/// about something that then rolled back would be a lie. A failed push is logged and swallowed, because the
/// record is the truth and the pages show it on the next load.
/// </summary>
public sealed class Notifier(IHubContext<NotificationsHub, INotificationClient> hub, ILogger<Notifier> log)
{
    public Task ToOrganizationAsync(Guid organizationId, Notification notification) =>
        SendAsync(() => hub.Clients.Group(NotificationsHub.OrganizationGroup(organizationId)).Notify(notification), notification);

    public Task ToParkOfficeAsync(Notification notification) =>
        SendAsync(() => hub.Clients.Group(NotificationsHub.ParkOfficeGroup).Notify(notification), notification);

    public Task ToUsersAsync(IEnumerable<Guid> userIds, Notification notification) =>
        SendAsync(() => hub.Clients.Users(userIds.Select(u => u.ToString()).ToList()).Notify(notification), notification);

    private async Task SendAsync(Func<Task> send, Notification notification)
    {
        try
        {
            await send();
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not push notification {Kind} about {Subject}", notification.Kind, notification.SubjectId);
        }
    }
}
