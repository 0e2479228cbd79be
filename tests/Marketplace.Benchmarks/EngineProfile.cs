using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Marketplace.Tests.Shared;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Lucene;
using Marketplace.Web.Features.Search.Planning;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Benchmarks;

/// <summary>
/// Where the engine's time goes (`./marketplace.sh bench engine`): the 100,000-listing index of `bench`, built once and
/// kept in /tmp between runs, and each stage of a typed search timed alone over the benchmark's queries
/// (ENGINE_ALLOCATIONS=1: what a search allocates, by type). For profiling, not for docs/benchmarks.md: the figures
/// that count are `bench`'s.
/// </summary>
internal static class EngineProfile
{
    private static readonly string IndexPath = Path.Combine(Path.GetTempPath(), "marketplace-engine-profile-index");

    public static async Task RunAsync()
    {
        await BuildIndexOnceAsync(100_000);
        if (Environment.GetEnvironmentVariable("ENGINE_SEGMENTS") is { } segments)
        {
            // What the engine costs on a merged index: the per-segment work of every term scorer is paid once per segment.
            using var writer = new IndexWriter(FSDirectory.Open(IndexPath), new IndexWriterConfig(LuceneSchema.Version, LuceneSchema.CreateAnalyzer()));
            writer.ForceMerge(int.Parse(segments));
            writer.Commit();
        }
        using var engine = new LuceneEngine(Options.Create(new LuceneOptions { IndexPath = IndexPath }));
        var service = new SearchService(engine);
        using var directory = FSDirectory.Open(IndexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = LuceneSchema.Similarity };
        var analyzer = LuceneSchema.CreateAnalyzer(forQuery: true);
        var queries = Generator.Queries.Distinct().ToList();
        Console.WriteLine($"{reader.NumDocs} documents in {reader.Leaves.Count} segments; {queries.Count} queries");

        Query Text(SearchQuery q) => LuceneQueries.TextQuery(q, analyzer)!;
        SearchQuery Typed(string text) => SearchQuery.All() with { Text = text };
        IReadOnlyList<string> Near(string text)
        {
            var q = Typed(text);
            var best = searcher.Search(LuceneQueries.Build(q, Text(q)), FieldVote.Voters).ScoreDocs;
            return FieldVote.NearFields(best, d => d.Score, d => LuceneHits.MainSubclass(searcher, d.Doc));
        }
        var near = queries.ToDictionary(t => t, t => FieldVote.SeeksNearFields(Typed(t)) ? Near(t) : []);
        Query NearPart(string t) => LuceneQueries.NearQuery(QueryPlanner.Plan(t), analyzer, near[t]) ?? new MatchAllDocsQuery();

        if (Environment.GetEnvironmentVariable("ENGINE_VARIANTS") is not null)
        {
            // The slowest queries, each variant timed in turn on the same query, so load affects all alike.
            var slowest = queries.OrderByDescending(t => Time(() => engine.SearchAsync(Typed(t), default).GetAwaiter().GetResult(), 3)).Take(24).ToList();
            Compare(slowest, new (string, Action<string>)[]
            {
                ("engine call", t => engine.SearchAsync(Typed(t), default).GetAwaiter().GetResult()),
                ("first pass", t => { if (FieldVote.SeeksNearFields(Typed(t))) Near(t); }),
                ("strict top 200", t => searcher.Search(LuceneQueries.Build(Typed(t), Text(Typed(t))), 200)),
                ("near part top 200", t => searcher.Search(LuceneQueries.Build(Typed(t), NearPart(t)), 200)),
                ("strict count", t => searcher.Search(LuceneQueries.Build(Typed(t), Text(Typed(t))), new TotalHitCountCollector())),
                ("hits of page", t => { var top = searcher.Search(LuceneQueries.Build(Typed(t), Text(Typed(t))), 20); var h = new LuceneHits(searcher, Typed(t)); foreach (var d in top.ScoreDocs) h.Hit(d.Doc, d.Score); }),
            });
            return;
        }
        if (Environment.GetEnvironmentVariable("ENGINE_ALLOCATIONS") is not null)
        {
            // Which types the engine allocates, summed over every query twice (after a warm-up).
            foreach (var t in queries) engine.SearchAsync(Typed(t), default).GetAwaiter().GetResult();
            using var sampler = new AllocationSampler();
            sampler.Start();
            for (var round = 0; round < 2; round++)
                foreach (var t in queries) engine.SearchAsync(Typed(t), default).GetAwaiter().GetResult();
            var sampled = sampler.Stop();
            var total = sampled.Sum(s => s.Bytes);
            Console.WriteLine($"sampled {total / 1024.0 / (2 * queries.Count):F0} KB per search");
            foreach (var (type, bytes) in sampled.Take(30))
                Console.WriteLine($"  {bytes * 100.0 / total,5:F1} %  {bytes / 1024.0 / (2 * queries.Count),7:F1} KB/search  {type}");
            return;
        }
        Stage("service (as bench times it)", queries, t => service.SearchAsync(Typed(t), default).GetAwaiter().GetResult());
        Stage("engine, one typed call", queries, t => engine.SearchAsync(Typed(t), default).GetAwaiter().GetResult());
        if (Environment.GetEnvironmentVariable("ENGINE_SHORT") is not null) return;
        Stage("plan + analysis only", queries, t => Text(Typed(t)));
        Stage("first pass (top 10)", queries, t => { if (FieldVote.SeeksNearFields(Typed(t))) Near(t); });
        Stage("main pass, top 200, no near", queries, t => searcher.Search(LuceneQueries.Build(Typed(t), Text(Typed(t))), 200));
        Stage("near part, top 200", queries, t => searcher.Search(LuceneQueries.Build(Typed(t), NearPart(t)), 200));
        Stage("near part, count only", queries, t =>
        {
            var count = new TotalHitCountCollector();
            searcher.Search(LuceneQueries.Build(Typed(t), NearPart(t)), count);
        });
        Stage("near part + facets", queries, t =>
        {
            var top = TopScoreDocCollector.Create(200, false);
            searcher.Search(LuceneQueries.Build(Typed(t), NearPart(t)), MultiCollector.Wrap(top, new FacetCollector()));
        });
        Stage("any word (relaxed)", queries, t => searcher.Search(LuceneQueries.Build(Typed(t) with { Match = TextMatch.AnyWord }, Text(Typed(t) with { Match = TextMatch.AnyWord })), 200));

        long strict = 0, withNear = 0;
        foreach (var t in queries)
        {
            strict += searcher.Search(LuceneQueries.Build(Typed(t), Text(Typed(t))), 1).TotalHits;
            withNear += near[t].Count > 0 ? searcher.Search(LuceneQueries.Build(Typed(t), NearPart(t)), 1).TotalHits : 0;
        }
        Console.WriteLine($"mean hits per query: strict {strict / queries.Count}, near-only {withNear / queries.Count}");
        var slow = queries.Select(t => (t, Ms: Time(() => engine.SearchAsync(Typed(t), default).GetAwaiter().GetResult(), 5)))
            .OrderByDescending(x => x.Ms).Take(8);
        foreach (var (t, ms) in slow) Console.WriteLine($"  {ms,7:F1} ms  {t}");
        var slowService = queries.Select(t => (t, Ms: Time(() => service.SearchAsync(Typed(t), default).GetAwaiter().GetResult(), 5)))
            .OrderByDescending(x => x.Ms).Take(8);
        foreach (var (t, ms) in slowService)
        {
            var result = service.SearchAsync(Typed(t), default).GetAwaiter().GetResult();
            Console.WriteLine($"  service {ms,7:F1} ms  {result.Total,6} hits  relaxed {result.Relaxed ?? "-",-10} {t}");
        }
    }

    private static void Stage(string name, IReadOnlyList<string> queries, Action<string> call)
    {
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.Elapsed < TimeSpan.FromSeconds(1); i++) call(queries[i % queries.Count]);
        var runs = new double[queries.Count * 2];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            call(queries[i % queries.Count]);
            runs[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var kb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / runs.Length;
        Array.Sort(runs);
        Console.WriteLine($"{name,-32} p50 {runs[runs.Length / 2],7:F2} ms  p99 {runs[(int)(runs.Length * 0.99)],7:F2} ms  mean {runs.Average(),7:F2} ms  {kb,8:F0} KB/call");
    }

    private static void Compare(IReadOnlyList<string> queries, (string Name, Action<string> Call)[] variants)
    {
        var times = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < 5; round++)
            foreach (var t in queries)
                for (var v = 0; v < variants.Length; v++)
                {
                    var started = Stopwatch.GetTimestamp();
                    variants[v].Call(t);
                    if (round > 0) times[v].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
        for (var v = 0; v < variants.Length; v++)
        {
            var sorted = times[v].Order().ToList();
            Console.WriteLine($"{variants[v].Name,-20} median {sorted[sorted.Count / 2],7:F2} ms  mean {sorted.Average(),7:F2} ms  max {sorted[^1],7:F2} ms");
        }
        foreach (var t in queries.Take(12)) Console.WriteLine($"  {t}");
    }

    private static double Time(Action call, int times)
    {
        call();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < times; i++) call();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds / times;
    }

    private static async Task BuildIndexOnceAsync(int listings)
    {
        if (DirectoryReader.IndexExists(FSDirectory.Open(IndexPath)))
        {
            using var probe = new LuceneEngine(Options.Create(new LuceneOptions { IndexPath = IndexPath }));
            if (await probe.EnsureIndexAsync(default) && await probe.CheckpointAsync(default) is not null) return;
        }
        var database = new TestDatabase("marketplace_engine");
        await database.CreateAsync();
        await using var app = BenchHost.Start(database, b => b.UseSetting("Search:Lucene:IndexPath", IndexPath));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            await Generator.SeedAsync(db, await Generator.OwnersAsync(db), listings);
        }
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        indexer.RequestRebuild();
        await indexer.RunOnceAsync(CancellationToken.None);
        Console.WriteLine("index built");
    }
}
