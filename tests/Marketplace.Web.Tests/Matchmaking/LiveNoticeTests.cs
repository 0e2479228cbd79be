using System.Net.Http.Json;
using System.Threading.Channels;
using Marketplace.Web.Features.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Matchmaking;

/// <summary>The .NET SignalR client against the app: what the other party of a room receives, live.</summary>
public sealed class LiveNoticeTests(WebApp app) : AppTest(app)
{
    private Task<(HubConnection Connection, ChannelReader<Notification> Notices)> ConnectAsync(Marketplace.Tests.Shared.TestUser user) =>
        LiveNotices.ConnectAsync(App, user);

    [Fact]
    public async Task The_other_party_receives_messages_and_offers_live_and_the_sender_does_not()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence());
        var (office, officeNotices) = await ConnectAsync(market.OfficeUser);
        var (enterprise, enterpriseNotices) = await ConnectAsync(market.EnterpriseUser);
        await using var _ = office;
        await using var __ = enterprise;

        var room = await market.OpenInquiryAsync(listing);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.Equal("inquiry.opened", (await officeNotices.ReadAsync(timeout.Token)).Kind);

        await Json(await market.Enterprise.PostAsJsonAsync($"/api/inquiries/{room}/messages", new { body = "能否降价？" }));
        var message = await officeNotices.ReadAsync(timeout.Token);
        // A hub client that does not say otherwise reads Chinese; the preview is the message itself.
        Assert.Equal(("inquiry.message", "新消息：能否降价？", room), (message.Kind, message.Text, message.SubjectId!.Value));

        await Json(await market.Office.PostAsJsonAsync($"/api/inquiries/{room}/offers", Licence(200_000m)));
        var offer = await enterpriseNotices.ReadAsync(timeout.Token);
        Assert.Equal(("inquiry.offer", room), (offer.Kind, offer.SubjectId!.Value));
        Assert.False(officeNotices.TryRead(out var echo), $"the sender was notified of its own offer: {echo}");
    }

    [Fact]
    public async Task Anonymous_connections_are_refused()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, NotificationsHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
    }
}
