using System.Globalization;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Web.Features.Notifications;

/// <summary>Something that happened which a user should see at once: a new message, an offer, a loan decision.</summary>
/// <param name="Kind">A stable name the browser switches on, e.g. <c>inquiry.message</c>.</param>
/// <param name="Text">A short sentence in the recipient's language at the time it was sent.</param>
/// <param name="Url">Where to look at it.</param>
/// <param name="SubjectId">The object it is about (an inquiry, an application), so an open page can refresh itself.</param>
public sealed record Notification(string Kind, string Text, string? Url, Guid? SubjectId = null);

public interface INotificationClient
{
    Task Notify(Notification notification);
}

/// <summary>
/// Server-to-user pushes only: clients never send through this hub. SignalR addresses a user by the
/// NameIdentifier claim (the user id); each connection also joins its organisation's group, because most
/// notices concern the organisation (an office's inquiries, an enterprise's loan) rather than one person. Groups are
/// per language: a connection joins those of its reader's language, so each member reads notices in their own.
/// </summary>
[Authorize]
public sealed class NotificationsHub : Hub<INotificationClient>
{
    public const string Path = "/hubs/notifications";

    public static string OrganizationGroup(Guid organizationId, CultureInfo culture) => $"org:{organizationId}:{culture.Name}";

    /// <summary>Every signed-in member of the park office, whichever park-office organisation they belong to.</summary>
    public static string ParkOfficeGroup(CultureInfo culture) => $"role:ParkAdmin:{culture.Name}";

    public override async Task OnConnectedAsync()
    {
        var culture = await HubCulture.OfAsync(Context);
        if (Context.User?.OrganizationId() is { } organizationId)
            await Groups.AddToGroupAsync(Context.ConnectionId, OrganizationGroup(organizationId, culture));
        if (Context.User?.IsInRole(Roles.ParkAdmin) == true)
            await Groups.AddToGroupAsync(Context.ConnectionId, ParkOfficeGroup(culture));
        await base.OnConnectedAsync();
    }
}
