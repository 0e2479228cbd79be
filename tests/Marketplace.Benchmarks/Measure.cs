using System.Diagnostics;

namespace Marketplace.Benchmarks;

internal sealed record Figures(string Name, int Operations, double P50Ms, double P99Ms, double PerSecond);

/// <summary>Latency from sequential calls, throughput from concurrent workers over a fixed time, after a warm-up.</summary>
internal static class Measure
{
    public static async Task<Figures> RunAsync(string name, IReadOnlyList<string> queries, Func<string, Task> call,
        int sequential = 1000, int workers = 4, TimeSpan? duration = null)
    {
        // Warm up for long enough that tiered compilation has promoted the hot paths.
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.Elapsed < TimeSpan.FromSeconds(3); i++) await call(queries[i % queries.Count]);
        var latencies = new double[sequential];
        using var gc = new GcPhases();
        gc.Start();
        for (var i = 0; i < sequential; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(queries[i % queries.Count]);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(latencies);
        // Printed, not reported: what the garbage collector did during the latency calls, to read a tail against.
        Console.WriteLine($"{name}, {sequential} sequential calls: {gc.Stop()}");

        var window = duration ?? TimeSpan.FromSeconds(10);
        var count = 0L;
        var clock = Stopwatch.StartNew();
        // Each worker on the thread pool: a call that completes synchronously (the in-process engine) would otherwise
        // keep the first worker looping on this thread until the window closed, and measure one caller, not four.
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var i = w * 7;
            while (clock.Elapsed < window)
            {
                await call(queries[i++ % queries.Count]);
                Interlocked.Increment(ref count);
            }
        })));
        var perSecond = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{name,-34} p50 {latencies[sequential / 2],8:F2} ms  p99 {latencies[(int)(sequential * 0.99)],8:F2} ms  {perSecond,9:F0}/s");
        return new Figures(name, sequential + (int)count, latencies[sequential / 2], latencies[(int)(sequential * 0.99)], perSecond);
    }
}
