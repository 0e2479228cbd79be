using System.Threading.Channels;
using Marketplace.Tests.Shared;
using Marketplace.Web.Features.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Marketplace.Web.Tests;

/// <summary>The .NET SignalR client against the test server, signed in as a user, collecting what it is pushed.</summary>
public static class LiveNotices
{
    public static async Task<(HubConnection Connection, ChannelReader<Notification> Notices)> ConnectAsync(WebApp app, TestUser user)
    {
        var client = await app.ClientForAsync(user);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, NotificationsHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        var notices = Channel.CreateUnbounded<Notification>();
        connection.On<Notification>(nameof(INotificationClient.Notify), n => notices.Writer.TryWrite(n));
        await connection.StartAsync();
        return (connection, notices.Reader);
    }
}
