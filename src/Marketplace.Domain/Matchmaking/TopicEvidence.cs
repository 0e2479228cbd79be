namespace Marketplace.Domain.Matchmaking;

/// <summary>A significant term of a need's text and how much it says about the need's subject.</summary>
public sealed record WeightedTerm(string Term, double Weight);

/// <summary>
/// What a listing's text shares with a need's.
/// </summary>
/// <param name="Strength">Text relevance, 0–1 (see <see cref="TextRelevance.Strengths"/>).</param>
/// <param name="Coverage">The share of the need's key-term weight the listing's title and abstract hold.</param>
/// <param name="SharedTerms">Those key terms, most significant first.</param>
public sealed record TopicEvidence(double Strength, double Coverage, IReadOnlyList<string> SharedTerms);

/// <summary>
/// Text relevance on an absolute scale. The search engine ranks candidates well (BM25 over words and character bigrams,
/// then by field), but its scores have no scale of their own; coverage — the share of the need's key-term weight a
/// listing holds — has one, but ranks worse. So a candidate's strength is its engine score relative to the best
/// candidates' (the mean of the best <see cref="ReferenceFrom"/>, compressed by <see cref="Compression"/>), times how
/// well the best candidates cover the need: when nothing in the catalog covers a need, every candidate is weak, however
/// it ranks among them.
/// </summary>
public static class TextRelevance
{
    /// <summary>A listing holding this share of the need's key-term weight matches the need's text fully: a patent
    /// never repeats a need word for word, and its own subject adds words of its own.</summary>
    public const double FullCoverage = 0.6;

    /// <summary>The best coverage among this many of the top candidates anchors the scale.</summary>
    public const int AnchorFrom = 5;

    /// <summary>Scores are taken relative to the mean of this many best: one near-copy of the need at the top (the same
    /// invention filed twice) would otherwise push every other candidate under the floor, relevant or not.</summary>
    public const int ReferenceFrom = 3;

    /// <summary>BM25 ratios fall off faster than relevance does (half the score is not half as relevant), so the ratio
    /// is raised to this power: the order stays the engine's, fewer relevant candidates fall under the floor.</summary>
    public const double Compression = 0.7;

    public static double Coverage(IReadOnlyList<WeightedTerm> needTerms, IEnumerable<string> shared)
    {
        var total = needTerms.Sum(t => t.Weight);
        if (total <= 0) return 0;
        var held = shared.ToHashSet();
        return needTerms.Where(t => held.Contains(t.Term)).Sum(t => t.Weight) / total;
    }

    /// <summary>The strength of each candidate, in the engine's order (best first).</summary>
    public static IReadOnlyList<double> Strengths(IReadOnlyList<(double Score, double Coverage)> ranked)
    {
        if (ranked.Count == 0) return [];
        var reference = ranked.Select(c => c.Score).OrderDescending().Take(ReferenceFrom).Average();
        var anchor = Math.Min(1, ranked.Take(AnchorFrom).Max(c => c.Coverage) / FullCoverage);
        return ranked.Select(c => reference > 0 ? Math.Pow(Math.Clamp(c.Score / reference, 0, 1), Compression) * anchor : 0).ToList();
    }
}
