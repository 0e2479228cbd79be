using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Sessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Marketplace.Web.Tests.Sessions;

/// <summary>The live board through the .NET SignalR client over the test server.</summary>
public sealed class SessionHubTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task A_watcher_sees_the_board_but_cannot_send()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await world.StartPitchAsync(0);
        await using var watcher = await SessionWorld.ConnectAsync(App);
        var joined = await watcher.JoinAsync(world.Id);
        Assert.False(joined.CanSend);
        Assert.Equal(world.Pitches[0], joined.Snapshot!.CurrentPitchId);

        var refused = await Assert.ThrowsAsync<HubException>(() => watcher.Connection.InvokeAsync<InterestResult>("ExpressInterest", world.Id, world.Pitches[0], null));
        Assert.Contains("forbidden registration", refused.Message);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM session_interests"));
    }

    [Fact]
    public async Task An_unregistered_enterprise_cannot_express_interest_and_a_registered_bank_only_asks()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await world.StartPitchAsync(0);
        await using var stranger = await SessionWorld.ConnectAsync(App, await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.False((await stranger.JoinAsync(world.Id)).CanSend);
        Assert.Contains("forbidden", (await Assert.ThrowsAsync<HubException>(() =>
            stranger.Connection.InvokeAsync<InterestResult>("ExpressInterest", world.Id, world.Pitches[0], "感兴趣"))).Message);

        await using var bank = await SessionWorld.ConnectAsync(App, world.BankUser);
        var joined = await bank.JoinAsync(world.Id);
        Assert.Equal((true, false), (joined.CanSend, joined.CanExpressInterest));
        Assert.Contains("conflict questions", (await Assert.ThrowsAsync<HubException>(() =>
            bank.Connection.InvokeAsync<long>("AskQuestion", world.Id, "许可费多少？"))).Message);
        await world.PostAsync($"/api/sessions/{world.Id}/questions/open");
        await bank.Connection.InvokeAsync<long>("AskQuestion", world.Id, "许可费多少？");
        var question = await bank.NextAsync(SessionEventKinds.Question);
        Assert.Equal("许可费多少？", question.Data.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Every_event_carries_the_next_sequence_number_and_interest_becomes_a_lead()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await using var enterprise = await SessionWorld.ConnectAsync(App, world.Market.EnterpriseUser);
        var joined = await enterprise.JoinAsync(world.Id);
        Assert.True(joined.CanExpressInterest);
        var start = joined.Snapshot!.Sequence;

        await world.StartPitchAsync(0);
        var interest = await enterprise.Connection.InvokeAsync<InterestResult>("ExpressInterest", world.Id, world.Pitches[0], "想了解独占许可");
        await world.StartPitchAsync(1);

        // Joining as a participant counts as online attendance: that presence event may arrive after the snapshot; it is older.
        var received = new List<SessionEventMessage>();
        while (received.Count < 3)
            if (await enterprise.NextAsync() is { } e && e.Sequence > start) received.Add(e);
        Assert.Equal([start + 1, start + 2, start + 3], received.Select(e => e.Sequence));
        Assert.Equal([SessionEventKinds.PitchStarted, SessionEventKinds.Interest, SessionEventKinds.PitchStarted], received.Select(e => e.Kind));
        Assert.Equal((start + 2, 1), (interest.Sequence, interest.Count));
        Assert.Contains($"sessionId={world.Id}", interest.InquiryUrl);

        var leads = await Matchmaking.Market.Json(await world.Market.Office.GetAsync($"/api/sessions/{world.Id}/leads"));
        Assert.Equal("想了解独占许可", Assert.Single(leads.EnumerateArray()).GetProperty("note").GetString());
        Assert.Contains("conflict pitchId", (await Assert.ThrowsAsync<HubException>(() =>
            enterprise.Connection.InvokeAsync<InterestResult>("ExpressInterest", world.Id, world.Pitches[0], null))).Message);
    }

    [Fact]
    public async Task A_client_that_lost_its_connection_gets_exactly_what_it_missed()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await using var watcher = await SessionWorld.ConnectAsync(App);
        var last = (await watcher.JoinAsync(world.Id)).Snapshot!.Sequence;
        await watcher.Connection.StopAsync();

        await world.StartPitchAsync(0);
        await world.PostAsync($"/api/sessions/{world.Id}/questions/open");
        await world.StartPitchAsync(1);

        await using var back = await SessionWorld.ConnectAsync(App);
        var rejoined = await back.JoinAsync(world.Id, last);
        Assert.Null(rejoined.Snapshot);
        Assert.Equal([last + 1, last + 2, last + 3], rejoined.Missed.Select(e => e.Sequence));
        Assert.Equal(world.Pitches[1], rejoined.Missed[^1].Data.GetProperty("pitchId").GetGuid());

        // Without a last sequence number (or too far behind): a snapshot instead, as of the latest event.
        var fresh = await back.JoinAsync(world.Id);
        Assert.Equal((last + 3, world.Pitches[1]), (fresh.Snapshot!.Sequence, fresh.Snapshot.CurrentPitchId));
    }

    [Fact]
    public async Task Messages_over_the_size_limit_close_the_connection_and_long_notes_are_refused()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await world.StartPitchAsync(0);
        await using var enterprise = await SessionWorld.ConnectAsync(App, world.Market.EnterpriseUser);
        await enterprise.JoinAsync(world.Id);
        Assert.Contains("invalid note", (await Assert.ThrowsAsync<HubException>(() =>
            enterprise.Connection.InvokeAsync<InterestResult>("ExpressInterest", world.Id, world.Pitches[0], new string('长', 501)))).Message);

        var closed = new TaskCompletionSource();
        enterprise.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await Assert.ThrowsAnyAsync<Exception>(() =>
            enterprise.Connection.InvokeAsync<InterestResult>("ExpressInterest", world.Id, world.Pitches[0], new string('x', 20_000)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM session_interests"));
    }

    [Fact]
    public async Task A_connection_calling_too_fast_is_refused_until_its_allowance_returns()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await using var watcher = await SessionWorld.ConnectAsync(App);
        var results = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            try
            {
                await watcher.Connection.InvokeAsync<IReadOnlyList<SessionEventMessage>>("Replay", world.Id, 0L);
                results.Add("ok");
            }
            catch (HubException e) when (e.Message.Contains("rate-limited"))
            {
                results.Add("limited");
            }
        }
        Assert.Contains("limited", results);
        Assert.Equal("ok", results[0]);
        await Task.Delay(1100);
        await watcher.Connection.InvokeAsync<IReadOnlyList<SessionEventMessage>>("Replay", world.Id, 0L);
    }

    [Fact]
    public async Task The_handshake_from_another_site_is_refused()
    {
        var world = await new SessionWorld(App).OpenAsync();
        var client = App.CreateClient();
        var negotiate = new HttpRequestMessage(HttpMethod.Post, $"{SessionsHub.Path}/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", "https://evil.example");
        var refused = await client.SendAsync(negotiate);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("来自其他网站的页面不能连接此实时频道。", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var own = new HttpRequestMessage(HttpMethod.Post, $"{SessionsHub.Path}/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", App.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);
        Assert.NotEqual(Guid.Empty, world.Id);
    }
}
