using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marketplace.Benchmarks;
using Marketplace.Tests.Shared;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

using Microsoft.Extensions.Logging;

namespace Marketplace.Benchmarks;

/// <summary>Search benchmark (issue: Search). Run with `./marketplace.sh bench`; writes docs/benchmarks.md.</summary>
internal static class SearchBenchmark
{
    public static async Task Main(string[] args)
    {
        switch (args)
        {
            case ["relevance", ..]: await Relevance.RelevanceBenchmark.RunAsync(args); return;
            case ["sessions", ..]: await SessionBroadcastBenchmark.RunAsync(); return;
            case ["targets", ..]: await TargetsBenchmark.RunAsync(); return;
            case ["watch", ..]: await WatchBenchmark.RunAsync(); return;
            case ["ceilings", ..]: await CeilingsBenchmark.RunAsync(); return;
            case ["pages", ..]: await Pages.PagesBenchmark.RunAsync(); return;
            case ["engine", ..]: await EngineProfile.RunAsync(); return;
            case ["matching-quality", ..]:
                var labelled = await MatchingBenchmark.QualityAsync();
                Console.WriteLine($"matching quality: precision@5 {labelled.PrecisionAt5:F3}, recall@10 {labelled.RecallAt10:F3}");
                return;
            case ["faults", ..]: await PostgresRestartFault.RunAsync(); return;
            case ["load-data", var dir]: await LoadData.RunAsync(dir); return;
            case ["load-prepare", var url, var dir]: await LoadFixtures.RunAsync(url, dir); return;
            case ["load-report", var dir, var mode]: Environment.ExitCode = await LoadReport.RunAsync(dir, mode); return;
        }
        var listings = int.Parse(Environment.GetEnvironmentVariable("BENCH_LISTINGS") ?? "100000", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "10", CultureInfo.InvariantCulture);
        var output = Environment.GetEnvironmentVariable("BENCH_OUTPUT") ?? "docs/benchmarks.md";
        var database = new TestDatabase("marketplace_bench");
        await database.CreateAsync();
        var indexPath = Path.Combine(Path.GetTempPath(), "marketplace-bench-index");
        if (Directory.Exists(indexPath)) Directory.Delete(indexPath, true);

        await using var app = BenchHost.Start(database, b =>
        {
            b.UseSetting("Search:Lucene:IndexPath", indexPath);
            b.UseSetting("Search:PollInterval", "00:00:05");
        });

        var generated = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            await Generator.SeedAsync(db, await Generator.OwnersAsync(db), listings);
        }
        Console.WriteLine($"generated {listings} listings in {generated.Elapsed.TotalSeconds:F0} s");

        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        indexer.RequestRebuild();
        var indexing = Stopwatch.StartNew();
        await indexer.RunOnceAsync(CancellationToken.None);
        var indexSeconds = indexing.Elapsed.TotalSeconds;
        Console.WriteLine($"indexed {listings} listings from scratch in {indexSeconds:F1} s");

        var search = app.Services.GetRequiredService<SearchService>();
        var queries = Generator.Queries;
        var window = TimeSpan.FromSeconds(seconds);
        // The engine as the search box uses it: number lookup, relaxation of queries with few hits, related fields, facets.
        Task Engine(string q) => search.SearchAsync(SearchQuery.All() with { Text = q }, default);
        var results = new List<Figures> { await Measure.RunAsync("Lucene engine (in process)", queries, Engine, duration: window) };

        using var http = app.CreateClient();
        results.Add(await Measure.RunAsync("GET /api/search (repeated queries)", queries,
            async q => (await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(q))).EnsureSuccessStatusCode(), duration: window));
        // Every request finds the cache empty (the indexer's eviction, done before each call): the full pipeline
        // down to the engine, plus storing the answer, each time. Made-up parameters no longer bust the cache.
        var cache = app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>();
        async Task NeverCached(string q)
        {
            await cache.EvictByTagAsync(SearchFeature.SearchCacheTag, default);
            (await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(q))).EnsureSuccessStatusCode();
        }
        results.Add(await Measure.RunAsync("GET /api/search (never cached)", queries, NeverCached, duration: window));

        // P3 from paired calls: the engine and the never-cached endpoint in turn on each query, three runs.
        var p3 = await Measure.PairedAsync("P3 engine vs GET /api/search never cached", queries, Engine, NeverCached);

        // The ceiling: a bare Kestrel endpoint answering with the same bytes /api/search returned, from memory.
        var recorded = new Dictionary<string, byte[]>();
        foreach (var q in queries) recorded[q] = await http.GetByteArrayAsync("/api/search?q=" + Uri.EscapeDataString(q));
        Console.WriteLine($"answer sizes: mean {recorded.Values.Average(b => b.Length):F0} B, largest {recorded.Values.Max(b => b.Length)} B");
        await using var ceiling = await BenchHost.BareAsync(b => b.MapGet("/api/search", (string q) => Results.Bytes(recorded[q], "application/json")));
        using var bareHttp = new HttpClient { BaseAddress = new Uri(ceiling.Urls.First()) };
        results.Add(await Measure.RunAsync("bare endpoint, same bytes (ceiling)", queries,
            async q => (await bareHttp.GetAsync("/api/search?q=" + Uri.EscapeDataString(q))).EnsureSuccessStatusCode(), duration: window));

        // The naive alternative: ILIKE over the same rows, every word in title or abstract (Chinese or English).
        var source = NpgsqlDataSource.Create(database.ConnectionString);
        results.Add(await Measure.RunAsync("PostgreSQL ILIKE (naive baseline)", queries, async q =>
        {
            var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var where = string.Join(" AND ", words.Select((_, i) =>
                $"(p.title_zh ILIKE @w{i} OR p.title_en ILIKE @w{i} OR p.abstract_zh ILIKE @w{i} OR p.abstract_en ILIKE @w{i})"));
            await using var command = source.CreateCommand(
                $"SELECT l.id, p.title_zh, count(*) OVER () FROM listings l JOIN patents p ON p.id = l.patent_id " +
                $"WHERE l.status = 'Published' AND {where} ORDER BY l.published_at DESC LIMIT 20");
            for (var i = 0; i < words.Length; i++) command.Parameters.AddWithValue($"w{i}", $"%{words[i]}%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        }, sequential: 200, duration: window));

        // Pasted text: real abstracts run together to 2,000 characters, the longest query the API accepts.
        // Abstracts are taken until each query is long enough (eight short ones may not reach 2,000 characters).
        var abstracts = Relevance.RealRecords.Load().Where(r => r.Source == Relevance.RealRecords.Bdci).Select(r => r.Abstract).ToList();
        var pasted = new List<string>();
        for (var next = 0; pasted.Count < 10 && next < abstracts.Count;)
        {
            var text = new System.Text.StringBuilder();
            while (text.Length < SearchRequest.MaxTextLength && next < abstracts.Count) text.Append(abstracts[next++]);
            if (text.Length >= SearchRequest.MaxTextLength) pasted.Add(text.ToString(0, SearchRequest.MaxTextLength));
        }
        results.Add(await Measure.RunAsync("Lucene engine, 2,000-character queries", pasted,
            Engine, sequential: 300, duration: window));

        var rematch = await MatchingBenchmark.RematchTimesAsync(app.Services);
        Console.WriteLine($"rematch one need against {listings} listings: p50 {rematch.P50:F1} ms, p99 {rematch.P99:F1} ms");
        var quality = await MatchingBenchmark.QualityAsync();
        Console.WriteLine($"matching quality: precision@5 {quality.PrecisionAt5:F3}, recall@10 {quality.RecallAt10:F3}");
        await Report.WriteSectionAsync(output, "## Search", Report.Markdown(listings, indexSeconds, results, p3, seconds));
        await Report.WriteSectionAsync(output, "## Matching", MatchingBenchmark.Markdown(quality, rematch, listings));
        Console.WriteLine($"written {output}");
    }
}
