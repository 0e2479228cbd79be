using Marketplace.Web.Features.Platform;

namespace Marketplace.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 4 * 1024);
        builder.Services.AddSingleton<Notifier>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapHub<NotificationsHub>(NotificationsHub.Path).RequireKnownOrigin();
        return app;
    }
}
