using System.Diagnostics;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Lucene;
using Microsoft.Extensions.Options;

namespace Marketplace.Benchmarks.Relevance;

/// <summary>
/// `./marketplace.sh bench relevance [tuning|held-back]`: search and matching quality on real records against the
/// CJKAnalyzer + BM25 baseline, in the same run; writes the "Relevance" section of docs/benchmarks.md when run on both
/// parts. Quality, not time: the figures do not depend on the machine's load.
/// </summary>
internal static class RelevanceBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var only = args.Skip(1).FirstOrDefault();
        var output = Environment.GetEnvironmentVariable("BENCH_OUTPUT") ?? "docs/benchmarks.md";
        var clock = Stopwatch.StartNew();
        var sets = RelevanceSets.Build(RealRecords.Load(), "tests/Marketplace.Benchmarks/Relevance/queries.tsv");
        Console.WriteLine($"catalogs: {sets.Patents.Count:N0} patents with IPC, {sets.Bdci.Count:N0} BDCI records; {sets.Queries.Count} queries, {sets.Needs.Count} needs");

        if (only == "explain")
        {
            var plan = Marketplace.Web.Features.Search.Planning.QueryPlanner.Plan(args[2]);
            Console.WriteLine(string.Join(" | ", plan.Units.Select(u => $"{u.Text}{(u.Counted ? "" : "?")}{(u.Translations.Count > 0 ? "=" + string.Join("/", u.Translations) : "")}")) + $" min {plan.MinimumMatch} phrases {string.Join(",", plan.Phrases)}");
            Console.WriteLine(LuceneQueries.PlanQuery(plan, LuceneSchema.CreateAnalyzer(forQuery: true)));
            using var debug = await Catalog.OpenAsync("patents", sets.Patents);
            var found = await debug.Search.SearchAsync(SearchQuery.All(1, 10) with { Text = args[2] }, default);
            Console.WriteLine($"{found.Total} hits, relaxed {found.Relaxed}; related {string.Join(", ", found.RelatedFields.Select(f => $"{f.Code} {f.NameZh} {f.Count}"))}");
            foreach (var hit in found.Hits) Console.WriteLine($"  {hit.Score:F2} {string.Join(",", hit.IpcCodes.Take(1))} {hit.HighlightedTitle} | {hit.HighlightedSnippet[..Math.Min(60, hit.HighlightedSnippet.Length)]}");
            return;
        }
        using var patents = await Catalog.OpenAsync("patents", sets.Patents);
        using var bdci = await Catalog.OpenAsync("bdci", sets.Bdci);
        Console.WriteLine($"indexed both catalogs twice (engine and baseline) in {clock.Elapsed.TotalSeconds:F0} s");
        Catalog For(RealRecord source) => source.Source == RealRecords.Bdci ? bdci : patents;

        var ours = new List<Judged>();
        var baseline = new List<Judged>();
        var detail = new List<string>();
        foreach (var q in sets.Queries.Where(q => only is null || q.Part == only))
        {
            var catalog = For(q.Source);
            var result = await catalog.Search.SearchAsync(SearchQuery.All(1, 100) with { Text = q.Text }, default);
            ours.Add(catalog.Judge(q.Part, q.Kind, q.Text, q.Source.Topic, result.Hits.Select(h => h.ListingId)));
            baseline.Add(catalog.Judge(q.Part, q.Kind, q.Text, q.Source.Topic, catalog.Baseline.Search(q.Text, 100).Select(catalog.IdOf)));
            detail.Add($"{q.Part}\t{q.Kind}\t{q.Source.Topic}\t{ours[^1].PrecisionAt(10):F1}\t{baseline[^1].PrecisionAt(10):F1}\t{result.Total}\t{q.Text}");
        }

        var matchedOurs = new List<Judged>();
        var matchedBaseline = new List<Judged>();
        var matchTimes = new List<(string Part, double Ms)>();

        foreach (var need in sets.Needs.Where(n => only is null || n.Part == only))
        {
            var catalog = For(need.Source);
            var matcher = new Matcher(catalog.Engine, Options.Create(new MatchingOptions()));
            var timed = Stopwatch.StartNew();
            var matches = await matcher.ScoreAsync(need.Details, default);
            matchTimes.Add((need.Part, timed.Elapsed.TotalMilliseconds));
            var kind = need.Source.Source == RealRecords.Bdci ? "bdci" : "patents";
            matchedOurs.Add(catalog.Judge(need.Part, kind, need.Details.Title, need.Source.Topic, matches.Select(m => m.ListingId)));
            matchedBaseline.Add(catalog.Judge(need.Part, kind, need.Details.Title, need.Source.Topic,
                catalog.Baseline.Search(need.Details.SearchText, 5).Select(catalog.IdOf)));
            detail.Add($"{need.Part}\tneed\t{need.Source.Topic}\t{matchedOurs[^1].PrecisionAt(5):F1}\t{matchedBaseline[^1].PrecisionAt(5):F1}\t{matches.Count}\t{need.Details.Title}\t{string.Join(" ", matches.Take(5).Select(m => $"{m.Result.Score}/{m.Result.Relevance:F2}"))}");
        }
        Directory.CreateDirectory("TestResults");
        await File.WriteAllLinesAsync("TestResults/relevance-queries.tsv", detail);

        (double[] Own, double[] Long)? longNeed = only is null ? await LongNeedAsync(sets, patents) : null;
        var report = RelevanceReport.Markdown(sets, ours, baseline, matchedOurs, matchedBaseline, matchTimes, longNeed);
        Console.WriteLine(report);
        if (only is null)
        {
            await Report.WriteSectionAsync(output, "## Relevance", report);
            Console.WriteLine($"written {output}");
        }
    }

    /// <summary>A need's matching time at its own length and with its description repeated to the API's 2,000 characters,
    /// each after a warm-up, 5 runs (milliseconds, sorted): key-term selection reads the first 1,000 characters only.</summary>
    private static async Task<(double[] Own, double[] Long)> LongNeedAsync(RelevanceSets sets, Catalog patents)
    {
        var details = sets.Needs.First(n => n.Source.Source != RealRecords.Bdci).Details;
        var repeated = string.Concat(Enumerable.Repeat(details.Description + "。", 2000 / (details.Description.Length + 1) + 1))[..2000];
        var matcher = new Matcher(patents.Engine, Options.Create(new MatchingOptions()));
        async Task<double[]> Time(NeedDetails need)
        {
            await matcher.ScoreAsync(need, default);
            var runs = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                await matcher.ScoreAsync(need, default);
                runs.Add(watch.Elapsed.TotalMilliseconds);
            }
            return [.. runs.Order()];
        }
        return (await Time(details), await Time(details with { Description = repeated }));
    }

    /// <summary>One catalog in both systems, and the way back from a hit to its record.</summary>
    private sealed class Catalog : IDisposable
    {
        public required LuceneEngine Engine { get; init; }
        public required SearchService Search { get; init; }
        public required BaselineIndex Baseline { get; init; }
        public required Dictionary<Guid, RealRecord> ByListing { get; init; }
        public required Dictionary<string, RealRecord> ById { get; init; }
        public required Dictionary<string, int> TopicSizes { get; init; }
        public required string Path { get; init; }

        public static async Task<Catalog> OpenAsync(string name, IReadOnlyList<RealRecord> records)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"marketplace-relevance-{name}");
            if (Directory.Exists(path)) Directory.Delete(path, true);
            var engine = new LuceneEngine(Options.Create(new LuceneOptions { IndexPath = path }));
            await engine.EnsureIndexAsync(default);
            var documents = records.Select(CatalogDocuments.From).ToList();
            foreach (var batch in documents.Chunk(1000)) await engine.ApplyAsync(batch, [], "0;x", default);
            await engine.ApplyAsync([], [], "1;x", default);
            return new Catalog
            {
                Engine = engine, Search = new SearchService(engine), Baseline = new BaselineIndex(records), Path = path,
                ByListing = records.ToDictionary(CatalogDocuments.ListingId), ById = records.ToDictionary(r => r.Id),
                TopicSizes = records.GroupBy(r => r.Topic).ToDictionary(g => g.Key, g => g.Count()),
            };
        }

        public Guid IdOf(string recordId) => CatalogDocuments.ListingId(ById[recordId]);

        public Judged Judge(string part, string kind, string text, string topic, IEnumerable<Guid> ranked) =>
            new(part, kind, text, ranked.Select(id => ByListing[id].Topic == topic).ToList(), TopicSizes.GetValueOrDefault(topic));

        public void Dispose()
        {
            Engine.Dispose();
            Baseline.Dispose();
            Directory.Delete(Path, true);
        }
    }
}
