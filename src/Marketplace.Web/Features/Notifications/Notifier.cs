using Marketplace.Domain.Common;
using Marketplace.Web.Features.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Notifications;

/// <summary>What a service announces: the words as a <see cref="Domain.Common.Text"/>, said in each reader's language on the way out.</summary>
public sealed record Notice(string Kind, Text Text, string? Url, Guid? SubjectId = null);

/// <summary>
/// Pushes notifications from services and background work. Call it after the change has committed: a notice
/// about something that then rolled back would be a lie. A failed push is logged and swallowed, because the
/// record is the truth and the pages show it on the next load. Each connection listens in its reader's language
/// (see <see cref="NotificationsHub"/>), so a notice is said once per language and sent to that language's group.
/// </summary>
public sealed class Notifier(IHubContext<NotificationsHub, INotificationClient> hub, IStringLocalizer<SharedResource> t, ILogger<Notifier> log)
{
    public Task ToOrganizationAsync(Guid organizationId, Notice notice) =>
        SendAsync(culture => hub.Clients.Group(NotificationsHub.OrganizationGroup(organizationId, culture)), notice);

    public Task ToParkOfficeAsync(Notice notice) =>
        SendAsync(culture => hub.Clients.Group(NotificationsHub.ParkOfficeGroup(culture)), notice);

    private async Task SendAsync(Func<System.Globalization.CultureInfo, INotificationClient> clients, Notice notice)
    {
        try
        {
            foreach (var culture in LocalizationFeature.Cultures)
            {
                var text = TextLocalizer.In(culture, () => t.Say(notice.Text));
                await clients(culture).Notify(new Notification(notice.Kind, text, notice.Url, notice.SubjectId));
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not push notification {Kind} about {Subject}", notice.Kind, notice.SubjectId);
        }
    }
}
