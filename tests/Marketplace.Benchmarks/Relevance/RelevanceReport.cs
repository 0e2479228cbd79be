using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace Marketplace.Benchmarks.Relevance;

internal static class RelevanceReport
{
    private static readonly string[] Kinds = ["keywords", "title", "english"];

    public static string Markdown(RelevanceSets sets, IReadOnlyList<Judged> ours, IReadOnlyList<Judged> baseline,
        IReadOnlyList<Judged> matchedOurs, IReadOnlyList<Judged> matchedBaseline)
    {
        var text = new StringBuilder();
        text.AppendLine("## Relevance");
        text.AppendLine();
        text.AppendLine(Invariant($"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `./marketplace.sh bench relevance` on real CNIPA records (data/patents): ")
            + Invariant($"a catalog of {sets.Patents.Count:N0} patents with IPC codes (green aviation, yinwenzhi, renyidake; judged by main IPC subclass) ")
            + Invariant($"and one of {sets.Bdci.Count:N0} BDCI 2022 records (judged by their hidden class label). ")
            + "A hit is relevant when its record is on the topic of the record the query or need was written from; those records are not in the catalogs. "
            + "Baseline in the same run: Lucene's `CJKAnalyzer` (character bigrams) with BM25 over title and abstract, every term optional.");
        text.AppendLine();
        text.AppendLine("| part | queries | n | precision@10 (ours / baseline) | nDCG@10 | recall@100 | zero results (≤ 30 chars) |");
        text.AppendLine("|---|---|---:|---|---|---|---|");
        foreach (var part in new[] { RelevanceSets.Tuning, RelevanceSets.HeldBack })
        {
            foreach (var kind in Kinds.Append("all"))
            {
                bool Pick(Judged j) => j.Part == part && (kind == "all" || j.Kind == kind);
                var (a, b) = (Summary.Of(ours.Where(Pick).ToList()), Summary.Of(baseline.Where(Pick).ToList()));
                if (a.Count == 0) continue;
                text.AppendLine(Invariant($"| {part} | {(kind == "all" ? "**all**" : kind)} | {a.Count} | {Pair(a.PrecisionAt10, b.PrecisionAt10)} | ") +
                    Invariant($"{Pair(a.NdcgAt10, b.NdcgAt10)} | {Pair(a.RecallAt100, b.RecallAt100)} | {a.ZeroRate:P1} / {b.ZeroRate:P1} |"));
            }
        }
        text.AppendLine();
        text.AppendLine("| part | needs | n | precision@5 (ours / baseline) |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var part in new[] { RelevanceSets.Tuning, RelevanceSets.HeldBack })
        {
            var (a, b) = (Summary.Of(matchedOurs.Where(j => j.Part == part).ToList()), Summary.Of(matchedBaseline.Where(j => j.Part == part).ToList()));
            if (a.Count == 0) continue;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {part} | from abstracts, no IPC | {a.Count} | {Pair(a.PrecisionAt5, b.PrecisionAt5)} |");
        }
        return text.ToString();
    }

    private static string Pair(double ours, double baseline) =>
        string.Create(CultureInfo.InvariantCulture, $"{ours:F3} / {baseline:F3} ({(baseline == 0 ? "—" : $"{ours / baseline:F2}×")})");
}
