using System.Text.Json.Serialization;
using Marketplace.Tests.Shared;
using Marketplace.Web.Features.Sessions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Sessions;

/// <summary>Runs only where a redis-server is given (./marketplace.sh test starts one and sets MARKETPLACE_TEST_REDIS).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public static string? Redis => Environment.GetEnvironmentVariable("MARKETPLACE_TEST_REDIS");

    public RedisFactAttribute()
    {
        if (string.IsNullOrEmpty(Redis)) Skip = "MARKETPLACE_TEST_REDIS is not set: run with ./marketplace.sh test, which starts a throwaway redis-server.";
    }
}

/// <summary>Two real Kestrel instances on one database: with the Redis backplane a board follows changes made on the other instance.</summary>
public sealed class SessionScaleOutTests(WebApp app) : AppTest(app)
{
    private WebApplicationFactory<Program> Instance(string? redis, string prefix)
    {
        var instance = App.Variant(b =>
        {
            b.UseUrls("http://127.0.0.1:0");
            b.UseSetting("ConnectionStrings:Redis", redis ?? "");
            b.UseSetting("Sessions:RedisChannelPrefix", prefix);
        });
        instance.UseKestrel();
        instance.StartServer();
        return instance;
    }

    private static Uri Address(WebApplicationFactory<Program> instance) =>
        new(instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task<BoardClient> WatchAsync(WebApplicationFactory<Program> instance, Guid sessionId)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Address(instance), SessionsHub.Path), o => o.Transports = HttpTransportType.WebSockets)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var board = new BoardClient(connection);
        await connection.StartAsync();
        await board.JoinAsync(sessionId);
        return board;
    }

    private static HttpClient Office(WebApplicationFactory<Program> instance, HttpClient signedIn)
    {
        var client = new HttpClient { BaseAddress = Address(instance) };
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    [RedisFact]
    public async Task A_board_on_one_instance_follows_the_console_on_the_other_through_redis()
    {
        var world = await new SessionWorld(App).OpenAsync();
        var prefix = $"test-{Guid.NewGuid():N}";
        await using var a = Instance(RedisFactAttribute.Redis, prefix);
        await using var b = Instance(RedisFactAttribute.Redis, prefix);
        await using var watcher = await WatchAsync(b, world.Id);

        await Json(await Office(a, world.Market.Admin).PostAsync($"/api/sessions/{world.Id}/pitches/{world.Pitches[0]}/start", null));
        var started = await watcher.NextAsync(SessionEventKinds.PitchStarted);
        Assert.Equal(world.Pitches[0], started.Data.GetProperty("pitchId").GetGuid());
    }

    [Fact]
    public async Task Without_redis_the_other_instance_does_not_hear_it_but_recovers_by_replay()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await using var a = Instance(null, "none");
        await using var b = Instance(null, "none");
        await using var watcher = await WatchAsync(b, world.Id);
        var last = (await watcher.Connection.InvokeAsync<SessionBoard>("Snapshot", world.Id)).Sequence;

        await Json(await Office(a, world.Market.Admin).PostAsync($"/api/sessions/{world.Id}/pitches/{world.Pitches[0]}/start", null));
        await Assert.ThrowsAsync<TimeoutException>(() => watcher.NextAsync(SessionEventKinds.PitchStarted, TimeSpan.FromSeconds(2)));
        var missed = await watcher.Connection.InvokeAsync<IReadOnlyList<SessionEventMessage>>("Replay", world.Id, last);
        Assert.Equal(SessionEventKinds.PitchStarted, Assert.Single(missed).Kind);
    }

    [Fact]
    public async Task With_redis_unreachable_the_http_side_keeps_working()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await using var down = App.Variant(b => b.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,connectTimeout=500"));
        var office = down.CreateClient();
        office.DefaultRequestHeaders.Authorization = world.Market.Admin.DefaultRequestHeaders.Authorization;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Json(await office.PostAsync($"/api/sessions/{world.Id}/pitches/{world.Pitches[0]}/start", null));
        var board = await Json(await office.GetAsync($"/api/sessions/{world.Id}/board"));
        Assert.Equal(world.Pitches[0], board.GetProperty("currentPitchId").GetGuid());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.NotNull(down.Services.GetService<SessionBroadcaster>());
    }

    [RedisFact]
    public async Task Redis_stopped_under_a_live_session_leaves_http_working_and_boards_catch_up_when_it_returns()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await using var redis = await RedisProcess.StartAsync(AppProcess.FreePort());
        var prefix = $"test-{Guid.NewGuid():N}";
        await using var a = Instance(redis.Configuration, prefix);
        await using var b = Instance(redis.Configuration, prefix);
        await using var watcher = await WatchAsync(b, world.Id);
        var office = Office(a, world.Market.Admin);
        await Json(await office.PostAsync($"/api/sessions/{world.Id}/pitches/{world.Pitches[0]}/start", null));
        var seen = (await watcher.NextAsync(SessionEventKinds.PitchStarted)).Sequence;

        await redis.StopAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Json(await office.PostAsync($"/api/sessions/{world.Id}/pitches/{world.Pitches[1]}/start", null));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"a console step took {watch.Elapsed} with Redis down");
        Assert.Equal(world.Pitches[1], (await Json(await office.GetAsync($"/api/sessions/{world.Id}/board"))).GetProperty("currentPitchId").GetGuid());
        await Assert.ThrowsAsync<TimeoutException>(() => watcher.NextAsync(SessionEventKinds.PitchStarted, TimeSpan.FromSeconds(1)));

        // Redis returns; the multiplexers reconnect on their own (what was published meanwhile may arrive late or not
        // at all). Changes reach the board live again, and replay from the last event the board had fills the rest,
        // so the board ends on the office's state.
        await redis.RestartAsync();
        var back = System.Diagnostics.Stopwatch.StartNew();
        SessionEventMessage? next = null;
        for (var attempt = 0; next is null && back.Elapsed < TimeSpan.FromSeconds(90); attempt++)
        {
            await Json(await office.PostAsync($"/api/sessions/{world.Id}/questions/{(attempt % 2 == 0 ? "open" : "close")}", null));
            try
            {
                var e = await watcher.NextAsync(within: TimeSpan.FromSeconds(1));
                if (e.Sequence > seen) next = e;
            }
            catch (TimeoutException) { }
        }
        Assert.True(next is not null, $"no event reached the board within {back.Elapsed} of Redis returning");
        var current = (await Json(await office.GetAsync($"/api/sessions/{world.Id}/board"))).GetProperty("sequence").GetInt64();
        var missed = await watcher.Connection.InvokeAsync<IReadOnlyList<SessionEventMessage>>("Replay", world.Id, seen);
        Assert.Equal(Enumerable.Range(1, (int)(current - seen)).Select(i => seen + i), missed.Select(m => m.Sequence));
        Assert.Contains(missed, m => m.Kind == SessionEventKinds.PitchStarted && m.Data.GetProperty("pitchId").GetGuid() == world.Pitches[1]);
    }
}
