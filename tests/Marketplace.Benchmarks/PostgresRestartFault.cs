using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Tests.Shared;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// PostgreSQL restarted with `pg_ctl restart -m immediate` (a crash, then recovery) while the app — a real process —
/// takes keyed writes and reads. Requests must fail fast with 503 while it is down, never 500; the app must answer
/// again within 10 s of PostgreSQL accepting connections without being restarted; no acknowledged write may be
/// lost. Run with `./marketplace.sh faults`; writes the "PostgreSQL restart" section of docs/reliability.md.
/// </summary>
internal static class PostgresRestartFault
{
    public static async Task RunAsync()
    {
        var restart = Environment.GetEnvironmentVariable("MARKETPLACE_PG_RESTART")
            ?? throw new InvalidOperationException("MARKETPLACE_PG_RESTART is not set: run ./marketplace.sh faults");
        var output = Environment.GetEnvironmentVariable("FAULTS_OUTPUT") ?? "docs/reliability.md";
        var database = new TestDatabase("marketplace_faults");
        await database.CreateAsync();
        var index = Path.Combine(Path.GetTempPath(), $"marketplace-faults-index-{Guid.NewGuid():N}");
        const string password = "Faults-Demo-2026";
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marketplace"] = database.ConnectionString,
            ["Demo__Seed"] = "true", ["Demo__Password"] = password, ["Search__Lucene__IndexPath"] = index,
        }, AppProcess.FreePort());

        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "enterprise1@demo.local", password });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        var writes = new KeyedWrites(http, "restart");
        var reads = new ConcurrentQueue<(TimeSpan At, int Status, double Ms)>();
        using var stop = new CancellationTokenSource();
        var writing = writes.RunAsync(workers: 4, stop.Token);
        var reading = Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ReadAsync(http, writes.Clock, reads, stop.Token)));

        await Task.Delay(TimeSpan.FromSeconds(5));
        var restartAt = writes.Clock.Elapsed;
        var command = Process.Start(new ProcessStartInfo("bash", ["-c", restart]) { RedirectStandardOutput = true })!;
        await command.WaitForExitAsync();
        var upAt = writes.Clock.Elapsed;
        Console.WriteLine($"pg_ctl restart -m immediate took {(upAt - restartAt).TotalSeconds:F1} s (exit {command.ExitCode})");
        await Task.Delay(TimeSpan.FromSeconds(20));
        stop.Cancel();
        await Task.WhenAll(writing, reading);

        var resend = await writes.ResendAllAsync();
        NpgsqlConnection.ClearAllPools(); // this driver's own pooled connections died with the server
        await using var db = new NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM technology_needs WHERE details::text LIKE '%restart 需求 restart-%'", db);
        var stored = (long)(await count.ExecuteScalarAsync())!;
        var lost = writes.Acknowledged.Count - Math.Min(stored, writes.Acknowledged.Count);

        var readList = reads.ToList();
        var failedReads = readList.Where(r => r.Status != 200).ToList();
        var firstWriteAfter = writes.Timeline.Where(t => t.Ok && t.At > upAt).Select(t => t.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var firstReadAfter = readList.Where(r => r.Status == 200 && r.At > upAt).Select(r => r.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var recovery = (firstWriteAfter > firstReadAfter ? firstWriteAfter : firstReadAfter) - upAt;
        var fiveHundreds = readList.Count(r => r.Status == 500) + writes.Outcomes.GetValueOrDefault("500");

        var text = new StringBuilder();
        text.AppendLine("## PostgreSQL restart");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `./marketplace.sh faults`: the app as its own process (Staging, demo data) on a private");
        text.AppendLine("PostgreSQL 15 with `synchronous_commit=on`; 4 writers post needs with an Idempotency-Key each and resend on failure, 2 readers");
        text.AppendLine(CultureInfo.InvariantCulture, $"GET /api/targets; after 5 s `pg_ctl restart -m immediate` (took {(upAt - restartAt).TotalSeconds:F1} s); 20 s more; then every key is sent again.");
        text.AppendLine();
        text.AppendLine("| measure | value | goal |");
        text.AppendLine("|---|---:|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| writes acknowledged | {writes.Acknowledged.Count} | — |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| write outcomes | {string.Join(", ", writes.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))} | 503 while down, no 500 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| read outcomes | {string.Join(", ", readList.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))} | — |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| 500 answers | {fiveHundreds} | 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| slowest failed read | {(failedReads.Count == 0 ? 0 : failedReads.Max(r => r.Ms)):F0} ms | fail fast |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| answering again after PostgreSQL was back | {Seconds(recovery)} | ≤ 10 s, no app restart |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| acknowledged writes missing afterwards | {lost} | 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| needs stored vs keys sent | {stored} / {writes.SentKeys.Count} | equal (each key once) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| resends that did not return the first answer | {resend.Count} | 0 |");
        await Report.WriteSectionAsync(output, "## PostgreSQL restart", text.ToString());
        Console.Write(text);
        foreach (var problem in resend.Take(5)) Console.WriteLine(problem);
        var ok = fiveHundreds == 0 && lost == 0 && resend.Count == 0 && stored == writes.SentKeys.Count && recovery <= TimeSpan.FromSeconds(10);
        if (!ok) { Console.Error.WriteLine("the PostgreSQL restart fault FAILED its goals"); Environment.ExitCode = 1; }
    }

    private static string Seconds(TimeSpan t) => t == TimeSpan.MaxValue || t > TimeSpan.FromDays(1) ? "never" : $"{Math.Max(0, t.TotalSeconds):F1} s";

    private static async Task ReadAsync(HttpClient http, Stopwatch clock, ConcurrentQueue<(TimeSpan, int, double)> reads, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            int status;
            try { status = (int)(await http.GetAsync("/api/targets", CancellationToken.None)).StatusCode; }
            catch (HttpRequestException) { status = 0; }
            reads.Enqueue((clock.Elapsed, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
