using System.Globalization;
using System.Text;

namespace Marketplace.Benchmarks;

internal static class CeilingsReport
{
    public static string Markdown(int listings, int seconds, Figures listing, Figures listingUncached, Figures listingBare, QueryFigures query, Figures webhook, Figures webhookBare, Figures webhookAlongside, InboxFigures drain, double applying)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':')[1].Trim() ?? "unknown CPU";
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var text = new StringBuilder();
        text.AppendLine("## Ceilings");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({cpu}), load average {load} at the end, " +
            $"{listings:N0} generated listings plus the demo data, app in Production mode in process with Kestrel on loopback (`./marketplace.sh bench ceilings`).");
        text.AppendLine(CultureInfo.InvariantCulture, $"HTTP rows: 1,000 sequential calls for latency, then 4 concurrent callers for {seconds} s for throughput; each app path is followed by its baseline in the same run.");
        text.AppendLine("P2 is BenchmarkDotNet (in process, MemoryDiagnoser, 15 iterations after the warm-up). Its raw reader runs on the rented context's own connection, so EF and the baseline draw from the same pool (ListingQueryBenchmark's remarks: after the P1 rows Npgsql rotates calls over the pool's idle connections, which a pool of one does not).");
        text.AppendLine();
        text.AppendLine("| scenario | p50 ms | p99 ms | per second |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var f in new[] { listing, listingUncached, listingBare, webhook, webhookAlongside, webhookBare })
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.P50Ms:F2} | {f.P99Ms:F2} | {f.PerSecond:F0} |");
        text.AppendLine();
        text.AppendLine("| P2 query | mean µs | median µs | allocated per call |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| EF Core: compiled, no tracking, pooled context, the response's columns only | {query.EfMeanUs:F1} | {query.EfP50Us:F1} | {query.EfAllocated:N0} B |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| the same SQL, raw NpgsqlDataReader on the context's connection (the same pool), reading every column | {query.RawMeanUs:F1} | {query.RawP50Us:F1} | {query.RawAllocated:N0} B |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (for reference) the same raw reader on a data source of its own (one warm connection) | {query.OwnPoolMeanUs:F1} | {query.OwnPoolP50Us:F1} | — |");
        text.AppendLine();
        text.AppendLine("| ceiling | app path vs baseline | goal | met |");
        text.AppendLine("|---|---:|---:|:---:|");
        Row(text, "P1 GET /api/listings/{id}, hot listings, vs the same bytes from a bare endpoint (throughput)", listing.PerSecond / listingBare.PerSecond, 0.30);
        text.AppendLine(CultureInfo.InvariantCulture, $"| (for reference) P1 never cached vs bare endpoint | {listingUncached.PerSecond / listingBare.PerSecond:P0} | — | — |");
        Row(text, "P2 EF query vs raw reader on the same pool (mean time, raw ÷ EF)", query.RawMeanUs / query.EfMeanUs, 0.80);
        text.AppendLine(CultureInfo.InvariantCulture, $"| (for reference) P2 against the raw reader on a pool of its own | {query.OwnPoolMeanUs / query.EfMeanUs:P0} | — | — |");
        Row(text, "P5 webhook (verify, dedupe, store for the inbox) vs verify only (throughput)", webhook.PerSecond / webhookBare.PerSecond, 0.40);
        text.AppendLine(CultureInfo.InvariantCulture, $"| (for reference) P5 webhook with the inbox applying on the same cores vs verify only | {webhookAlongside.PerSecond / webhookBare.PerSecond:P0} | — | — |");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"P5 inbox: the {drain.Stored:N0} events the receiving rows stored were applied in {drain.Seconds:F1} s ({drain.Applied:N0} fetched from Stripe and applied, ") +
            string.Create(CultureInfo.InvariantCulture, $"the rest settled by an application about the same intent); applying one event per intent, each fetched and applied: {applying:F0} events per second. ") +
            "The inbox applies after the answer; every event's effect is in the tables by the end of the run (checked).");
        text.AppendLine();
        text.AppendLine("P3 (search endpoint vs engine), P4 (SignalR vs bare WebSocket broadcast) and P6 (kept targets vs summing) are in their own");
        text.AppendLine("sections below (Search, Session broadcast, Targets), each with its baseline measured in that run.");
        text.AppendLine("The webhook baseline parses and verifies the same signed events in a bare Kestrel endpoint; the app path also stores the");
        text.AppendLine("event (a group-committed insert, its id the dedupe key) and wakes the inbox, which after the answer locks the instalment and its deal,");
        text.AppendLine("fetches the PaymentIntent from the local Stripe stand-in (no network), applies, audits and commits. The webhook's endpoint is");
        text.AppendLine("short-circuited after routing (no authentication, antiforgery, rate limit, output cache or idempotency-key middleware; the");
        text.AppendLine("error handler, security headers and text guard before routing still run); the receipts go through the writers' own pool.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, double ratio, double goal) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {ratio:P0} | ≥ {goal:P0} | {(ratio >= goal ? "yes" : "**no**")} |");
}

internal sealed record InboxFigures(long Stored, long Applied, double Seconds);
