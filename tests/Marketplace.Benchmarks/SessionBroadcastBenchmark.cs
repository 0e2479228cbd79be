using System.Globalization;
using System.Text;
using System.Text.Json;
using Marketplace.Tests.Shared;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Sessions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Benchmarks;

/// <summary>
/// The live board's broadcast (issue: matchmaking sessions). Run with `./marketplace.sh bench sessions`; replaces
/// the "Session broadcast" section of docs/benchmarks.md and leaves the other sections as they are.
/// </summary>
internal static class SessionBroadcastBenchmark
{
    private const string Heading = "## Session broadcast";

    private sealed record Row(string Name, int Clients, BroadcastFleet Fleet);

    public static async Task RunAsync()
    {
        var clients = int.Parse(Environment.GetEnvironmentVariable("BENCH_CLIENTS") ?? "1000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "20", CultureInfo.InvariantCulture);
        var redis = Environment.GetEnvironmentVariable("MARKETPLACE_TEST_REDIS");
        var output = Environment.GetEnvironmentVariable("BENCH_OUTPUT") ?? "docs/benchmarks.md";
        var database = new TestDatabase("marketplace_bench_sessions");
        await database.CreateAsync();

        await using var single = Instance(database, null);
        var sessionId = await LiveSessionAsync(single);
        var (pitch, deal) = await MessagesAsync(single, sessionId);
        var rows = new List<Row>();

        await using (var bare = await BareServer.StartAsync())
        {
            var frames = new[] { Frame(pitch), Frame(deal) };
            var fleet = await BareFleet.ConnectAsync(bare.Address, clients);
            await fleet.RunAsync(rounds * 2, () => bare.BroadcastAsync(frames[fleet.Completions.Count % 2]));
            rows.Add(new Row("bare WebSocket broadcast, same bytes", clients, fleet));
            await fleet.DisposeAsync();
        }

        rows.Add(await MeasureAsync("SignalR, one instance", [Address(single)], single, sessionId, clients, rounds, pitch, deal));
        if (!string.IsNullOrEmpty(redis))
        {
            await using var a = Instance(database, redis);
            await using var b = Instance(database, redis);
            rows.Add(await MeasureAsync("SignalR, two instances + Redis backplane", [Address(a), Address(b)], a, sessionId, clients, rounds, pitch, deal));
        }
        await Report.WriteSectionAsync(output, Heading, Markdown(rows, rounds, redis is not null));
        Console.WriteLine(Markdown(rows, rounds, redis is not null));
    }

    private static WebApplicationFactory<global::Program> Instance(TestDatabase database, string? redis)
    {
        var app = BenchHost.Start(database, b =>
        {
            b.UseSetting("ConnectionStrings:Redis", redis ?? "");
            b.UseSetting("Sessions:RedisChannelPrefix", "bench");
            b.UseSetting("Search:PollInterval", "00:00:01");
        });
        return app;
    }

    private static Uri Address(WebApplicationFactory<global::Program> app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task<Row> MeasureAsync(string name, Uri[] instances, WebApplicationFactory<global::Program> sender, Guid sessionId,
        int clients, int rounds, SessionEventMessage pitch, SessionEventMessage deal)
    {
        var fleet = await SignalRFleet.ConnectAsync(instances, sessionId, clients);
        var broadcaster = sender.Services.GetRequiredService<SessionBroadcaster>();
        await fleet.RunAsync(rounds * 2, () => broadcaster.SendAsync(fleet.Completions.Count % 2 == 0 ? pitch : deal));
        await fleet.DisposeAsync();
        return new Row(name, clients, fleet);
    }

    /// <summary>The demo's upcoming session, taken live, with its first pitch started.</summary>
    private static async Task<Guid> LiveSessionAsync(WebApplicationFactory<global::Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await DemoSeed.SeedAsync(scope.ServiceProvider, "Weihai-Demo-2026-bench", TimeProvider.System, default);
        var db = scope.ServiceProvider.GetRequiredService<Marketplace.Web.Data.MarketplaceDb>();
        var session = await db.Sessions.Include(s => s.Pitches).SingleAsync(s => s.Status == Marketplace.Domain.Sessions.SessionStatus.Open);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        await sessions.GoLiveAsync(session.Id, null, default);
        await sessions.StartPitchAsync(session.Id, session.Next!.Id, default);
        return session.Id;
    }

    /// <summary>A pitch change and a deal announcement as the board would get them, with real payload sizes.</summary>
    private static async Task<(SessionEventMessage Pitch, SessionEventMessage Deal)> MessagesAsync(WebApplicationFactory<global::Program> app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<SessionEventLog>();
        var pitch = (await log.AfterAsync(sessionId, 0, 500, default))[^1];
        var board = await scope.ServiceProvider.GetRequiredService<SessionReader>().SnapshotAsync(null, sessionId, default);
        var data = JsonSerializer.SerializeToElement(new
        {
            deal = new BoardDeal(Guid.NewGuid(), board.Agenda[0].TitleZh, board.Agenda[0].Presenter, "威海海洋智能装备有限公司", 350_000m, DateTimeOffset.UtcNow),
            offers = 12, sessionVolume = 1_250_000m, park = board.Park,
        }, SessionJson.Options);
        return (pitch, new SessionEventMessage(sessionId, pitch.Sequence + 1, SessionEventKinds.DealAnnounced, data, DateTimeOffset.UtcNow));
    }

    /// <summary>The bytes SignalR's JSON protocol puts on the wire for an Event invocation, record separator included.</summary>
    private static byte[] Frame(SessionEventMessage message) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(new { type = 1, target = nameof(ISessionClient.Event), arguments = new[] { message } }, SessionJson.Options), 0x1e];

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }

    private static string Markdown(List<Row> rows, int rounds, bool redis)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':')[1].Trim() ?? "unknown CPU";
        var text = new StringBuilder();
        text.AppendLine(Heading);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({cpu}) by `./marketplace.sh bench sessions`.");
        text.AppendLine(CultureInfo.InvariantCulture, $"{rows[0].Clients:N0} WebSocket clients in the benchmark's own process; {rounds} pitch changes and {rounds} deal announcements, one at a time:");
        text.AppendLine("each round stamps the send, waits until every client has the message, then starts the next. \"All have it\" is the round's last arrival.");
        text.AppendLine();
        text.AppendLine("| scenario | clients | delivery p50 ms | delivery p99 ms | all have it p50 ms | all have it p99 ms | delivered / s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Clients:N0} | {Percentile(r.Fleet.Deliveries, 0.5):F1} | {Percentile(r.Fleet.Deliveries, 0.99):F1} | {Percentile(r.Fleet.Completions, 0.5):F1} | {Percentile(r.Fleet.Completions, 0.99):F1} | {r.Fleet.Deliveries.Count / r.Fleet.Seconds:N0} |");
        var one = rows[1];
        var p99 = Percentile(one.Fleet.Completions, 0.99);
        var ratio = one.Fleet.Deliveries.Count / one.Fleet.Seconds / (rows[0].Fleet.Deliveries.Count / rows[0].Fleet.Seconds);
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---:|:---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| p99 until all 1,000 have it < 250 ms (one instance) | {p99:F1} ms | {(p99 < 250 ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| ≥ 50 % of the bare broadcast's delivered messages per second | {ratio:P0} | {(ratio >= 0.5 ? "yes" : "no")} |");
        if (!redis) text.AppendLine("\nThe two-instance row needs MARKETPLACE_TEST_REDIS (set by `./marketplace.sh bench sessions`).");
        text.AppendLine();
        text.AppendLine("Clients and servers share the same two cores, so every figure includes the clients' own work of parsing each message.");
        return text.ToString();
    }
}
