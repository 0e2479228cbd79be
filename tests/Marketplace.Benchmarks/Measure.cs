using System.Diagnostics;

namespace Marketplace.Benchmarks;

internal sealed record Figures(string Name, int Operations, double P50Ms, double P99Ms, double PerSecond);

/// <summary>One run of two paths called alternately on the same queries: each path's p50 and p99.</summary>
internal sealed record Paired(double P50A, double P99A, double P50B, double P99B, int Pairs)
{
    public double P99Gap => P99B - P99A;
}

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

    /// <summary>
    /// A path against its baseline, called in turn on each query (which goes first alternates), so both see the same
    /// machine at the same moment: a tail gap measured from two blocks run one after the other moved by several
    /// milliseconds with the machine's background, which a paired run cancels out. <paramref name="runs"/> runs of
    /// <paramref name="sequential"/> pairs each, after a shared warm-up. 3,000 pairs, not 1,000: a p99 of 1,000 calls
    /// is their tenth slowest, and one collection or one busy moment moved it by milliseconds between runs.
    /// </summary>
    public static async Task<IReadOnlyList<Paired>> PairedAsync(string name, IReadOnlyList<string> queries,
        Func<string, Task> baseline, Func<string, Task> path, int sequential = 3000, int runs = 3)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.Elapsed < TimeSpan.FromSeconds(3); i++) { await baseline(queries[i % queries.Count]); await path(queries[i % queries.Count]); }
        var results = new List<Paired>();
        for (var run = 0; run < runs; run++)
        {
            var a = new double[sequential];
            var b = new double[sequential];
            for (var i = 0; i < sequential; i++)
            {
                var q = queries[i % queries.Count];
                if (i % 2 == 0) { a[i] = await TimeAsync(baseline, q); b[i] = await TimeAsync(path, q); }
                else { b[i] = await TimeAsync(path, q); a[i] = await TimeAsync(baseline, q); }
            }
            Array.Sort(a);
            Array.Sort(b);
            var pair = new Paired(a[sequential / 2], a[(int)(sequential * 0.99)], b[sequential / 2], b[(int)(sequential * 0.99)], sequential);
            Console.WriteLine($"{name}, run {run + 1}: baseline p50 {pair.P50A:F2} p99 {pair.P99A:F2} ms; path p50 {pair.P50B:F2} p99 {pair.P99B:F2} ms; gap {pair.P99Gap:+0.00;-0.00} ms");
            results.Add(pair);
        }
        return results;
    }

    private static async Task<double> TimeAsync(Func<string, Task> call, string query)
    {
        var started = Stopwatch.GetTimestamp();
        await call(query);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
