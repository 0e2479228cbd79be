using System.Globalization;
using System.Text;

namespace Marketplace.Benchmarks.Pages;

internal static class PagesReport
{
    public static string Markdown(int listings, int seconds, double minutes, List<PagesBenchmark.Row> rows,
        IReadOnlyList<Paired> search, List<PagesBenchmark.Stress> stress)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));
        Line($"## Pages");
        text.AppendLine();
        Line($"Written by `./marketplace.sh bench pages` (tests/Marketplace.Benchmarks/Pages). Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({cpu}), load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end; measuring took {minutes:F1} min.");
        Line($"Data: the demo data plus {listings:N0} published listings built from real CNIPA records and 1,000,000 deals (the load test's data, tests/Marketplace.Benchmarks/LoadData.cs).");
        Line($"The app runs in Production mode in the benchmark's process (Kestrel on loopback; the client shares the two cores). Each row: 16 connections, a 1 s warm-up, then 3 runs of {seconds} s;");
        text.AppendLine("per second is the median run (min–max of the three), p50 and p99 are that run's. SQL per request: statements Npgsql executed (its tracing) over 20 sequential requests, divided by 20.");
        text.AppendLine("The ceiling renders the same page and layout from the page model a real request left in memory, through a pipeline branch with routing only (PageCeiling.cs): no page-model query, no authentication, cache or localization middleware. Its SQL column is what the views still ask for themselves (the layout's unread counts).");
        text.AppendLine("What the app keeps in memory (dropped after the commit of the change that moves it, on the instance that made it): anonymous home, catalog, listing and search pages in the output cache, per language and per set of the page's own parameters (10 s; decision 0020; the search page is dropped when the index takes a change), catalog totals of filters without free text (30 s), the public home's market (10 s), each person's unread-messages count in the layout (15 s), as the notices' count already was, and each person's home sections (15 s, dropped by any change committed on the instance; Platform/PersonalHomes.cs). The rows “anonymous, not cached” add a parameter the page does not read, which the output cache neither looks up nor stores: the page rendered every time; signed-in pages are compared with those. The catalog's previous and next links carry a cursor at the first or last row shown (CatalogCursor): a page “by link” starts its walk of the catalog index at that row; a page asked for by number alone counts the rows before it off the index.");
        text.AppendLine();
        text.AppendLine("| page | who | per second | p50 ms | p99 ms | ceiling per second | ceiling p50 ms | ratio to ceiling | SQL per request | ceiling SQL | 5xx |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var c = r.Ceiling!;
            Line($"| {r.Page} | {r.Who} | {r.App.PerSecond:F0} ({r.App.MinPerSecond:F0}–{r.App.MaxPerSecond:F0}) | {r.App.P50Ms:F1} | {r.App.P99Ms:F1} | {c.PerSecond:F0} ({c.MinPerSecond:F0}–{c.MaxPerSecond:F0}) | {c.P50Ms:F1} | {r.App.PerSecond / c.PerSecond:P0} | {r.App.Statements:F1} | {c.Statements:F1} | {r.App.ServerErrors} |");
        }
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---:|:---:|");
        Goal(text, rows, "catalog, page 1", "anonymous", 0.25, "catalog page ≥ 25 % of its ceiling");
        Goal(text, rows, "listing detail, 50 listings", "anonymous", 0.30, "listing detail ≥ 30 % of its ceiling");
        Goal(text, rows, "home", "anonymous", 0.50, "home page ≥ 50 % of its ceiling");
        // The same goals for the page rendered every time: what a cache miss, and each signed-in visitor, costs.
        Goal(text, rows, "catalog, page 1", PagesBenchmark.NotCached, 0.25, "catalog page ≥ 25 % of its ceiling, not cached");
        Goal(text, rows, "listing detail, 50 listings", PagesBenchmark.NotCached, 0.30, "listing detail ≥ 30 % of its ceiling, not cached");
        Goal(text, rows, "home", PagesBenchmark.NotCached, 0.50, "home page ≥ 50 % of its ceiling, not cached");
        foreach (var page in new[] { "catalog, page 1", "catalog, page 200", "catalog, page 200 by link", "listing detail, 50 listings", "home" })
            foreach (var r in rows.Where(r => r.Page == page))
                Line($"| ≤ 3 SQL statements per view: {page} ({r.Who}) | {r.App.Statements:F1} | {(r.App.Statements <= 3 ? "yes" : "no")} |");
        // The goal compares a signed-in page with the same page rendered for an anonymous visitor, not with its cached copy.
        foreach (var signed in rows.Where(r => !r.Who.StartsWith("anonymous", StringComparison.Ordinal)))
            if ((rows.FirstOrDefault(r => r.Page == signed.Page && r.Who == PagesBenchmark.NotCached)
                 ?? rows.FirstOrDefault(r => r.Page == signed.Page && r.Who == "anonymous")) is { } anon)
            {
                var share = signed.App.PerSecond / anon.App.PerSecond;
                Line($"| signed in within 80 % of anonymous: {signed.Page} ({signed.Who}) | {share:P0} | {(share >= 0.8 ? "yes" : "no")} |");
            }
        static string Ms(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));
        Line($"| search page (never cached) p99 ≤ engine p99 + 5 ms, the two in turn on each of 200 queries, {search.Count} runs of {search[0].Pairs:N0} pairs: page p50 {Ms(search.Select(p => p.P50B))} / p99 {Ms(search.Select(p => p.P99B))} ms, engine (SearchService) p50 {Ms(search.Select(p => p.P50A))} / p99 {Ms(search.Select(p => p.P99A))} ms | {string.Join(", ", search.Select(p => p.P99Gap.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)))} ms | {(search.All(p => p.P99Gap <= 5) ? "yes" : "no")} |");
        text.AppendLine();
        text.AppendLine("Bad input (anonymous; memory is the benchmark process's, which hosts the app, after each case). 5xx excludes 503 (the app shedding load, counted with 4xx and socket errors under other failures). The deep page and every filter at once have fixed addresses, so after the first request they come from the output cache; the flood of distinct keywords misses it every time:");
        text.AppendLine();
        text.AppendLine("| case | connections | per second | p50 ms | p99 ms | requests | 5xx | other failures | GC heap MiB | working set MiB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in stress)
            Line($"| {s.Case} | {s.Connections} | {s.Figures.PerSecond:F0} | {s.Figures.P50Ms:F1} | {s.Figures.P99Ms:F1} | {s.Figures.Requests:N0} | {s.Figures.ServerErrors} | {s.Figures.OtherFailures} | {s.HeapMiB} | {s.WorkingSetMiB} |");
        return text.ToString();
    }

    private static void Goal(StringBuilder text, List<PagesBenchmark.Row> rows, string page, string who, double goal, string label)
    {
        if (rows.FirstOrDefault(r => r.Page == page && r.Who == who) is not { Ceiling: { } c } r) return;
        var ratio = r.App.PerSecond / c.PerSecond;
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {ratio:P0} | {(ratio >= goal ? "yes" : "no")} |"));
    }
}
