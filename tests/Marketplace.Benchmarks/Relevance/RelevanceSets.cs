using System.Text.RegularExpressions;
using Marketplace.Domain.Matchmaking;

namespace Marketplace.Benchmarks.Relevance;

/// <summary>A search query, judged by the topic of the record it was written from.</summary>
/// <param name="Part">"tuning" (looked at while tuning) or "held-back" (reported only).</param>
/// <param name="Kind">keywords (2–4 words typed by a person), title (a record's title typed as a need is phrased) or english.</param>
internal sealed record BenchQuery(string Part, string Kind, RealRecord Source, string Text);

/// <summary>A technology need written from a real record's abstract, judged by that record's topic.</summary>
internal sealed record BenchNeed(string Part, RealRecord Source, NeedDetails Details);

/// <summary>
/// The benchmark's catalogs, queries and needs. Two catalogs, each judged by its own topics: patents with IPC codes
/// (green aviation, yinwenzhi and renyidake records; topic = main IPC subclass) and the BDCI records (topic = the
/// hidden class label). Records a query or need was written from are taken out of the catalogs, with every record of
/// the same title (the same invention filed twice), so no query finds its own source.
/// </summary>
internal sealed partial class RelevanceSets
{
    public const string Tuning = "tuning", HeldBack = "held-back";

    /// <summary>A query's topic must have at least this many records in the catalog, so ten relevant hits exist.</summary>
    private const int MinTopicSize = 20;

    public required IReadOnlyList<RealRecord> Patents { get; init; }
    public required IReadOnlyList<RealRecord> Bdci { get; init; }
    public required IReadOnlyList<BenchQuery> Queries { get; init; }
    public required IReadOnlyList<BenchNeed> Needs { get; init; }

    public IReadOnlyList<RealRecord> CatalogOf(RealRecord source) => source.Source == RealRecords.Bdci ? Bdci : Patents;

    public static RelevanceSets Build(IReadOnlyList<RealRecord> records, string queriesFile)
    {
        var byId = records.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var written = File.ReadLines(queriesFile).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
            .Select(f => new BenchQuery(f[0], f[1], byId.TryGetValue(f[2], out var r) ? r : throw new InvalidDataException($"{queriesFile}: no record {f[2]}"), f[3]))
            .ToList();
        // Titles and needs are drawn around the tuning queries' records only, so the held-back queries, written
        // later, did not change which titles and needs were drawn; their records still leave the catalogs below.
        var used = written.Where(q => q.Part == Tuning).Select(q => q.Source.Id).ToHashSet();
        var topicSizes = records.GroupBy(r => r.Topic).ToDictionary(g => g.Key, g => g.Count());
        var random = new Random(2026);
        List<RealRecord> Draw(string source, int count, Func<RealRecord, bool>? also = null)
        {
            var pool = records.Where(r => r.Source == source && !used.Contains(r.Id) && topicSizes[r.Topic] >= MinTopicSize && (also?.Invoke(r) ?? true))
                .OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            var drawn = pool.OrderBy(_ => random.Next()).Take(count).ToList();
            used.UnionWith(drawn.Select(r => r.Id));
            return drawn;
        }

        var titles = new[] { RealRecords.GreenAviation, RealRecords.Yinwenzhi, RealRecords.Renyidake }.SelectMany(s => Draw(s, 15))
            .Concat(Draw(RealRecords.Bdci, 20)).Select((r, i) => new BenchQuery(i % 2 == 0 ? Tuning : HeldBack, "title", r, r.Title));
        var needs = Draw(RealRecords.GreenAviation, 30, r => r.Abstract.Length >= 80).Concat(Draw(RealRecords.Bdci, 30))
            .Select((r, i) => new BenchNeed(i % 2 == 0 ? Tuning : HeldBack, r, NeedFrom(r, i))).ToList();

        used.UnionWith(written.Select(q => q.Source.Id));
        var excludedTitles = records.Where(r => used.Contains(r.Id)).Select(r => r.Title).ToHashSet();
        List<RealRecord> Catalog(Func<RealRecord, bool> which) => records.Where(r => which(r) && !excludedTitles.Contains(r.Title))
            .GroupBy(r => r.Title).Select(g => g.First()).ToList();
        return new RelevanceSets
        {
            Patents = Catalog(r => r.Source != RealRecords.Bdci),
            Bdci = Catalog(r => r.Source == RealRecords.Bdci),
            Queries = [.. written, .. titles],
            Needs = needs,
        };
    }

    /// <summary>The record's abstract as an enterprise would state the need: "本发明公开了一种…" becomes "我们需要一种…";
    /// the title without "一种". No IPC codes: the matcher must find the field from the text, as the baseline must.</summary>
    private static NeedDetails NeedFrom(RealRecord r, int i)
    {
        var description = Boilerplate().Replace(r.Abstract, "我们需要一种", 1);
        var title = r.Title.StartsWith("一种", StringComparison.Ordinal) ? r.Title[2..] : r.Title;
        TradeMode[] modes = (i % 3) switch { 0 => [TradeMode.Licence], 1 => [TradeMode.Transfer, TradeMode.Licence], _ => [TradeMode.Licence, TradeMode.OpenLicence, TradeMode.Equity, TradeMode.Transfer] };
        return new NeedDetails(title.Length > 200 ? title[..200] : title, description, null, [], [], null, (i % 4 + 1) * 250_000m, modes,
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90), NeedVisibility.Public);
    }

    [GeneratedRegex("^本(发明|实用新型|申请)(实施例)?(公开|提供|涉及|提出|属于|包括)?了?(一种)?")]
    private static partial Regex Boilerplate();
}
