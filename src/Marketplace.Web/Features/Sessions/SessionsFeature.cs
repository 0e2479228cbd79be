using Marketplace.Web.Data;
using System.Text.Json.Serialization;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Marketplace.Web.Features.Sessions;

public sealed class SessionsOptions
{
    /// <summary>Calls a connection may make at once, and the rate at which that allowance comes back.</summary>
    public int CallBurst { get; set; } = 10;
    public int CallsPerSecond { get; set; } = 2;

    /// <summary>Largest hub message a client may send; a note or question is at most 500 characters.</summary>
    public long MaximumReceiveMessageSize { get; set; } = 4 * 1024;

    /// <summary>Origins besides the app's own that may open the hub from a browser (e.g. a big-screen kiosk's host).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Redis channels are prefixed with this, so several apps (or test runs) can share one Redis.</summary>
    public string RedisChannelPrefix { get; set; } = "weihai-marketplace";
}

public static class SessionsFeature
{
    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SessionsOptions>().BindConfiguration("Sessions")
            .Validate(o => o.CallBurst > 0 && o.CallsPerSecond > 0 && o.MaximumReceiveMessageSize >= 1024, "Session hub limits must be positive.");
        services.AddScoped<SessionReader>();
        services.AddScoped<SessionEventLog>();
        services.AddScoped<SessionService>();
        services.AddHomeSection<NextSessionOnHome>().AddHomeSection<RegistrationsToDecideOnHome>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<ParticipationService>();
        services.AddDomainEventHandler<Domain.Sessions.SessionStatusChanged, SessionNotices>();
        services.AddDomainEventHandler<Domain.Sessions.RegistrationDecided, SessionNotices>();
        services.AddHostedService<SessionReminders>();
        services.AddScoped<SessionReport>();
        services.AddSingleton<SessionHubFilter>();
        services.AddSingleton<SessionBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionBroadcaster>());
        var sessions = builder.Configuration.GetSection("Sessions").Get<SessionsOptions>() ?? new SessionsOptions();
        var signalR = services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddHubOptions<SessionsHub>(o =>
            {
                o.MaximumReceiveMessageSize = sessions.MaximumReceiveMessageSize;
                o.AddFilter<SessionHubFilter>();
            });
        // infra/ passes ConnectionStrings__Redis; Redis__Configuration is accepted too. Without either, one instance.
        var redis = builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } fromConnectionStrings
            ? fromConnectionStrings : builder.Configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(sessions.RedisChannelPrefix);
                // Start and keep serving HTTP while Redis is away; the multiplexer reconnects on its own.
                o.Configuration.AbortOnConnectFail = false;
                o.Configuration.ConnectTimeout = 2000;
            });
        }
        services.AddAuthorizationBuilder().AddPolicy(CanRegister, p => p.RequireAuthenticatedUser().AddRequirements(new VerifiedOrganizationRequirement()));
        return builder;
    }

    public const string CanRegister = "CanRegisterForSessions";

    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        app.MapSessionsApi();
        var options = app.ServiceProvider.GetRequiredService<IOptions<SessionsOptions>>();
        app.MapHub<SessionsHub>(SessionsHub.Path).RequireKnownOrigin(() => options.Value.AllowedOrigins);
        return app;
    }
}
