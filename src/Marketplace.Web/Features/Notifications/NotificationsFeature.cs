using Marketplace.Web.Features.Notifications.Email;
using Marketplace.Web.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 4 * 1024);
        services.AddMemoryCache();
        services.AddSingleton<Notifier>();
        services.AddSingleton<UnreadNotices>();
        services.AddSingleton<LivePush>();
        services.AddHostedService(sp => sp.GetRequiredService<LivePush>());
        services.AddScoped<NoticeBoard>();
        services.AddScoped<NotificationCentre>();
        services.AddScoped<NoticePreferences>();
        services.AddScoped<Unsubscriber>();

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<EmailComposer>();
        // Email:Smtp:Host chooses a real server; without it, mail is kept in the database (the demo's mailbox page).
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Configured
            ? ActivatorUtilities.CreateInstance<SmtpTransport>(sp)
            : ActivatorUtilities.CreateInstance<DatabaseMailbox>(sp));
        services.AddSingleton<EmailOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailOutbox>());
        services.AddSingleton<DailyDigest>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyDigest>());
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapHub<NotificationsHub>(NotificationsHub.Path).RequireKnownOrigin();
        app.MapNotificationsApi();
        return app;
    }
}
