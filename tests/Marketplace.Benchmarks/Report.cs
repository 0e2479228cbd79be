using System.Globalization;
using System.Text;

namespace Marketplace.Benchmarks;

internal static class Report
{
    private const string Preamble = "# Benchmarks\n\nWritten by `./marketplace.sh bench [sessions]` (tests/Marketplace.Benchmarks). " +
        "Each section comes from one run of its benchmark, with its baseline measured in the same run; a run replaces only its own sections.\n";

    /// <summary>Replaces the section that starts with <paramref name="heading"/> (up to the next "## "), or appends it.</summary>
    public static async Task WriteSectionAsync(string path, string heading, string section)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : Preamble;
        var start = existing.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0) { await File.WriteAllTextAsync(path, existing.TrimEnd() + "\n\n" + section.TrimEnd() + "\n"); return; }
        var next = existing.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, existing[..start] + section.TrimEnd() + "\n" + (next < 0 ? "" : existing[next..]));
    }

    public static string Markdown(int listings, double indexSeconds, IReadOnlyList<Figures> r, IReadOnlyList<Paired> p3Runs, int seconds)
    {
        var engine = r[0]; var endpoint = r[1]; var uncached = r[2]; var bare = r[3]; var ilike = r[4]; var pasted = r[5];
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':')[1].Trim() ?? "unknown CPU";
        var text = new StringBuilder();
        text.AppendLine("## Search");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({cpu}), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end, {listings:N0} published listings built from real CNIPA records (tests/Marketplace.Benchmarks/Generator.cs), {Generator.Queries.Count} rotating queries (the relevance benchmark's Chinese keyword and English queries, and real titles).");
        text.AppendLine(CultureInfo.InvariantCulture, $"Latency: 1,000 sequential calls (200 for ILIKE) after a warm-up; throughput: 4 concurrent callers for {seconds} s.");
        text.AppendLine();
        text.AppendLine("| scenario | p50 ms | p99 ms | per second |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var f in r) text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.P50Ms:F2} | {f.P99Ms:F2} | {f.PerSecond:F0} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Indexing {listings:N0} listings from scratch (read from PostgreSQL, analysed, committed): {indexSeconds:F1} s.");
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---:|:---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| engine p99 ≤ 20 ms (facets included) | {engine.P99Ms:F2} ms | {(engine.P99Ms <= 20 ? "yes" : "no")} |");
        var longRatio = pasted.P50Ms / engine.P50Ms;
        text.AppendLine(CultureInfo.InvariantCulture, $"| a 2,000-character query costs ≤ 10× a short one (p50) | {longRatio:F1}× ({pasted.P50Ms:F2} ms) | {(longRatio <= 10 ? "yes" : "no")} |");
        var vsIlike = engine.PerSecond / ilike.PerSecond;
        text.AppendLine(CultureInfo.InvariantCulture, $"| engine ≥ 20× ILIKE throughput | {vsIlike:F1}× | {(vsIlike >= 20 ? "yes" : "no")} |");
        var vsBare = endpoint.PerSecond / bare.PerSecond;
        text.AppendLine(CultureInfo.InvariantCulture, $"| endpoint ≥ 40 % of bare endpoint (repeated queries, output cache) | {vsBare:P1} | {(vsBare >= 0.4 ? "yes" : "no")} |");
        // Issue 22 narrowed P3 from +5 ms to +2 ms. Measured from paired calls (the two in turn on each query), three
        // runs; met only if every run is. The gap between the two sequential blocks above is kept for reference.
        var gaps = string.Join(", ", p3Runs.Select(p => p.P99Gap.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)));
        var met = p3Runs.All(p => p.P99Gap <= 2);
        text.AppendLine(CultureInfo.InvariantCulture, $"| P3: never-cached endpoint p99 ≤ engine p99 + 2 ms (called in turn on each query, {p3Runs.Count} runs of {p3Runs[0].Pairs:N0} pairs) | {gaps} ms (engine p99 {string.Join(", ", p3Runs.Select(p => p.P99A.ToString("F2", CultureInfo.InvariantCulture)))} ms) | {(met ? "yes" : "no")} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (for reference) the same gap from the two sequential blocks above, one after the other | {uncached.P99Ms - engine.P99Ms:+0.00;-0.00} ms | — |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (for reference) never-cached endpoint vs bare endpoint | {uncached.PerSecond / bare.PerSecond:P1} | — |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (for reference) never-cached endpoint vs engine alone | {uncached.PerSecond / engine.PerSecond:P0} | — |");
        text.AppendLine();
        text.AppendLine("The client runs in the same process as the server and shares the same two cores, so HTTP figures include the client's own cost.");
        text.AppendLine("Repeated queries are answered by ASP.NET Core's output cache (5 s, evicted whenever the indexer changes the index);");
        text.AppendLine("the never-cached row evicts the cache before every request, so each one runs the engine and stores its answer.");
        return text.ToString();
    }
}
