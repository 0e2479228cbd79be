namespace Marketplace.Web.Features.Search.Planning;

/// <summary>
/// One thing the user asked for: a Chinese word or compound (「传感器」, 「压载水」), an English word or glossary phrase
/// ("unmanned aerial vehicle"). Engines match a Chinese unit as words (SmartCn) or, where segmentation differs, as a
/// phrase of character bigrams; an English unit in the English fields or through its Chinese translations.
/// </summary>
/// <param name="Counted">Whether it counts toward the minimum match: generic words (方法, 装置) and lone characters
/// taken from a longer phrase only add to the score.</param>
/// <param name="Translations">Chinese terms for an English unit (from <see cref="TechnicalGlossary"/>).</param>
public sealed record QueryUnit(string Text, bool Latin, bool Counted, IReadOnlyList<string> Translations)
{
    /// <summary>Characters SmartCn could not segment (骨刀刀头): matched by most of their bigrams, not as one phrase.</summary>
    public bool Loose { get; init; }

    /// <summary>For a loose unit: how many of its distinct bigrams must match.</summary>
    public int MinimumBigrams => QueryPlanner.MinimumMatch(Enumerable.Range(0, Math.Max(Text.Length - 1, 0)).Select(i => Text.Substring(i, 2)).Distinct().Count());
}

/// <summary>
/// A typed query as both engines run it: a ranked disjunction over its units with a minimum number of counted units
/// that grows with the query (short queries need all their units, long ones most), plus phrase boosts for the
/// Chinese runs the user typed together. Built by <see cref="QueryPlanner"/>; rendered by each engine.
/// </summary>
/// <param name="Phrases">Runs of two or more units the user typed without a break (「海水淡化」, 「反渗透膜组件」):
/// documents with the run as a phrase rank higher.</param>
public sealed record QueryPlan(IReadOnlyList<QueryUnit> Units, int MinimumMatch, IReadOnlyList<string> Phrases)
{
    public IEnumerable<QueryUnit> Counted => Units.Where(u => u.Counted);

    public bool IsEmpty => Units.Count == 0;

    /// <summary>The same units, any one of which is enough: what a query with no hits falls back to.</summary>
    public QueryPlan Relaxed() => this with { MinimumMatch = Math.Min(1, MinimumMatch) };

    public bool CanRelax => MinimumMatch > 1;

    /// <summary>Short queries are also looked for in owners' and inventors' names (「哈尔滨工业大学」, 「张伟」); longer
    /// ones describe a subject, and names would only add lookups.</summary>
    public bool SearchesNames => Units.Count(u => u.Counted) <= 2;
}
