using System.Diagnostics;
using System.Globalization;

namespace Marketplace.Benchmarks.Pages;

/// <summary>One row's figures: requests per second of the median run (with the runs' min and max), the latency
/// percentiles of that run, what came back, and SQL statements per request from a sequential pass.</summary>
internal sealed record PageFigures(double PerSecond, double MinPerSecond, double MaxPerSecond, double P50Ms, double P99Ms,
    long Requests, long ServerErrors, long OtherFailures, double Statements);

/// <summary>Drives one page with a fixed number of connections: a warm-up, then timed runs, each worker sending its
/// next request when the last one answered (closed loop, as wrk does).</summary>
internal static class PageLoad
{
    public static async Task<PageFigures> RunAsync(string name, HttpClient http, Func<int, HttpRequestMessage> request,
        SqlStatements sql, int connections = 16, int runs = 3, TimeSpan? run = null, Func<Task>? before = null)
    {
        var window = run ?? TimeSpan.FromSeconds(3);
        await OneRunAsync(http, request, connections, TimeSpan.FromSeconds(1), before);
        // Statements per request: sequential, so nothing else the process does is counted in between.
        const int sequential = 20;
        var counted = sql.Count;
        for (var i = 0; i < sequential; i++)
        {
            if (before is not null) await before();
            using var response = await http.SendAsync(request(i));
            await response.Content.ReadAsByteArrayAsync();
        }
        var statements = (sql.Count - counted) / (double)sequential;
        var results = new List<Run>();
        for (var r = 0; r < runs; r++) results.Add(await OneRunAsync(http, request, connections, window, before));
        var ordered = results.OrderBy(x => x.PerSecond).ToList();
        var median = ordered[ordered.Count / 2];
        var figures = new PageFigures(median.PerSecond, ordered[0].PerSecond, ordered[^1].PerSecond, median.P50, median.P99,
            results.Sum(x => x.Requests), results.Sum(x => x.ServerErrors), results.Sum(x => x.OtherFailures), statements);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-58} {figures.PerSecond,8:F0}/s ({figures.MinPerSecond:F0}–{figures.MaxPerSecond:F0})  p50 {figures.P50Ms,7:F2}  p99 {figures.P99Ms,8:F2} ms  SQL {statements:F1}  5xx {figures.ServerErrors}  other {figures.OtherFailures}"));
        return figures;
    }

    private sealed record Run(double PerSecond, double P50, double P99, long Requests, long ServerErrors, long OtherFailures);

    private static async Task<Run> OneRunAsync(HttpClient http, Func<int, HttpRequestMessage> request, int connections, TimeSpan window, Func<Task>? before)
    {
        var latencies = new List<double>[connections];
        long serverErrors = 0, otherFailures = 0;
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            while (clock.Elapsed < window)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (before is not null) await before();
                    using var response = await http.SendAsync(request(Interlocked.Increment(ref next)));
                    await response.Content.ReadAsByteArrayAsync();
                    if ((int)response.StatusCode >= 500 && response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable) Interlocked.Increment(ref serverErrors);
                    else if ((int)response.StatusCode >= 400) Interlocked.Increment(ref otherFailures);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref otherFailures); }
                catch (TaskCanceledException) { Interlocked.Increment(ref otherFailures); }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Run(all.Length / elapsed, all[all.Length / 2], all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))], all.Length, serverErrors, otherFailures);
    }
}
