using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Marketplace.Benchmarks;

/// <summary>
/// `load-report DIR MODE`: turns the wrk runs' JSON lines (DIR/runs.jsonl) and the soak's memory samples
/// (DIR/soak.csv) into the "## Load" and "## Load soak" sections of docs/benchmarks.md (`quick` writes DIR/load.md
/// only). Returns 1 when any run saw a 5xx other than 503: that is the load test's pass/fail rule.
/// </summary>
internal static class LoadReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string dir, string mode)
    {
        var output = Environment.GetEnvironmentVariable("BENCH_OUTPUT") ?? "docs/benchmarks.md";
        var runs = File.Exists(Path.Combine(dir, "runs.jsonl"))
            ? (await File.ReadAllLinesAsync(Path.Combine(dir, "runs.jsonl"))).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<JsonElement>(l)).ToList()
            : [];
        var data = File.Exists(Path.Combine(dir, "data.json"))
            ? JsonSerializer.Deserialize<Dictionary<string, long>>(await File.ReadAllTextAsync(Path.Combine(dir, "data.json")))!
            : [];
        // When the runs ended, so a report written again from kept results tells the time of the measurement.
        var ranAt = File.Exists(Path.Combine(dir, "runs.jsonl")) ? File.GetLastWriteTimeUtc(Path.Combine(dir, "runs.jsonl")) : DateTime.UtcNow;
        var levels = runs.Where(r => r.GetProperty("scenario").GetString() != "soak").ToList();
        var soak = runs.Where(r => r.GetProperty("scenario").GetString() == "soak").ToList();
        var failed = runs.Where(r => Long(r, "s5xx") - Long(r, "s503") > 0).ToList();
        foreach (var r in failed)
            Console.WriteLine($"FAIL {r.GetProperty("scenario").GetString()} at {Long(r, "connections")} connections: {Long(r, "s500")} × 500, {Long(r, "s5xx") - Long(r, "s503")} × 5xx other than 503");

        if (mode == "quick")
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "load.md"), LevelsMarkdown(levels, data, mode, ranAt));
            Console.Write(LevelsMarkdown(levels, data, mode, ranAt));
        }
        if (mode == "full" && levels.Count > 0)
        {
            await Report.WriteSectionAsync(output, "## Load", LevelsMarkdown(levels, data, mode, ranAt));
            Console.WriteLine($"written the load section of {output}");
        }
        if (mode == "soak" && soak.Count > 0)
        {
            var markdown = LoadSoakReport.Markdown(soak[^1], await LoadSoakReport.SamplesAsync(Path.Combine(dir, "soak.csv")), data, ranAt, out var grew);
            await Report.WriteSectionAsync(output, "## Load soak", markdown);
            Console.Write(markdown);
            if (grew) return 1;
        }
        return failed.Count == 0 ? 0 : 1;
    }

    internal static string LevelsMarkdown(IReadOnlyList<JsonElement> runs, IReadOnlyDictionary<string, long> data, string mode, DateTime ranAt)
    {
        var text = new StringBuilder();
        text.AppendLine("## Load");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Written by `./marketplace.sh load{(mode == "quick" ? " quick" : "")}` (tests/load, tests/Marketplace.Benchmarks/Load*.cs). {Machine(data, ranAt)}");
        text.AppendLine("The app runs as its own process (`ASPNETCORE_ENVIRONMENT=Production`, Release build, Redis backplane, Lucene index on disk) on loopback;");
        text.AppendLine("wrk (2 threads, `--timeout 10s`) runs on the same two cores, as do PostgreSQL and Redis (and whatever else the machine runs), so the figures are");
        text.AppendLine("noisy; the load average (1 min, from /proc/loadavg at the end of each run) is next to each row. Latency is wrk's, uncorrected for");
        text.AppendLine("coordinated omission. \"other 4xx\" excludes 429; \"5xx\" excludes 503; socket errors are wrk's connect/read/write errors and timeouts.");
        text.AppendLine();
        text.AppendLine("| scenario | connections | seconds | requests | per second | p50 ms | p99 ms | 2xx | 429 | other 4xx | 503 | 5xx | socket errors | load avg |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            var socket = Long(r, "connect") + Long(r, "read") + Long(r, "write") + Long(r, "timeout");
            text.AppendLine(Invariant, $"| {r.GetProperty("scenario").GetString()} | {Long(r, "connections")} | {Long(r, "seconds")} | {Long(r, "requests"):N0} | " +
                $"{Double(r, "rps"):F0} | {Double(r, "p50"):F1} | {Double(r, "p99"):F1} | {Long(r, "s2xx"):N0} | {Long(r, "s429"):N0} | " +
                $"{Long(r, "s4xx") - Long(r, "s429"):N0} | {Long(r, "s503"):N0} | {Long(r, "s5xx") - Long(r, "s503"):N0} | {socket:N0}{(Long(r, "timeout") > 0 ? $" ({Long(r, "timeout")} timeouts)" : "")} | " +
                $"{r.GetProperty("loadavg").GetString()?.Split(' ')[0]} |");
        }
        var mixed = runs.Where(r => r.GetProperty("scenario").GetString() == "mixed").ToList();
        if (mixed.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Mixed profile, what was sent (bearer tokens of three enterprises and the two tech-transfer offices):");
            text.AppendLine();
            text.AppendLine("| connections | reads | message posts | offer steps | payment steps | 409 conflicts |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var r in mixed)
                text.AppendLine(Invariant, $"| {Long(r, "connections")} | {Long(r, "reads"):N0} | {Long(r, "messages"):N0} | {Long(r, "offers"):N0} | {Long(r, "payments"):N0} | {Long(r, "s409"):N0} |");
        }
        text.AppendLine();
        text.AppendLine(Invariant, $"Scenarios: **browse** `/Listings?page=1…200`; **search-page** `/Search?Q=…` ({Generator.Queries.Count} Chinese, English and mixed queries, pages 1–3);");
        text.AppendLine("**api-search** `/api/search?q=…&minPrice=<a few yuan, new each time>` (defeats the 5 s output cache, which varies only by the search's own parameters, so every request runs Lucene; the cached figure is in Search above);");
        text.AppendLine("**detail** `/api/listings/{id}` and `/Listings/Detail/{id}` alternately over 20,000 listing ids; **targets** `/api/targets` with no year and 2023–2025;");
        text.AppendLine("**mixed** 80 % reads (listing detail, uncached search, a room's messages, targets) and 20 % writes: posting a message in a negotiation room,");
        text.AppendLine("an offer cycle (the enterprise proposes, the office counters, the enterprise rejects the counter) and a bank-transfer cycle (the buyer reports");
        text.AppendLine("the transfer of an instalment, the seller confirms it, which moves the deal's received money and the park's kept totals). Online payment");
        text.AppendLine("(Stripe PaymentIntents) would call Stripe's servers and is not part of the load; bank transfers never leave the machine.");
        return text.ToString();
    }

    internal static string Machine(IReadOnlyDictionary<string, long> data, DateTime ranAt)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
        var sizes = data.Count == 0 ? "" : string.Format(Invariant, " Data: {0:N0} published listings, {1:N0} deals, {2:N0} loans, database {3:N0} MiB.",
            data.GetValueOrDefault("publishedListings"), data.GetValueOrDefault("deals"), data.GetValueOrDefault("loans"), data.GetValueOrDefault("databaseBytes") / 1048576);
        return $"Run on {ranAt:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({cpu}).{sizes}";
    }

    internal static long Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? (long)v.GetDouble() : 0;

    internal static double Double(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetDouble() : 0;
}
