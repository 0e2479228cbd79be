using Marketplace.Web.Features.Search.Planning;

namespace Marketplace.Web.Features.Search;

/// <summary>
/// More-like-this term selection, the same for both engines: a long text's words (function words and bare numbers
/// left out), each weighted by how often the text uses it (damped) and how rare it is in the catalog's titles and
/// abstracts (BM25's idf); words no listing holds are left out, since they cannot tell listings apart.
/// </summary>
public static class KeyTermSelection
{
    /// <summary>How much of a long text key terms are drawn from: a need's title and the start of its description say
    /// what it is about, and the bound keeps a 4,000-character description as cheap to match as a short one.</summary>
    public const int MaxChars = 1000;

    public static string Capped(string text) => QueryPlanner.Normalize(text, MaxChars);

    public static bool Eligible(string term) => term.Length > 1 && !term.All(char.IsAsciiDigit) && !QueryPlanner.IsFunctionWord(term);

    /// <param name="stats">Each distinct term of the text, how often the text uses it, and in how many listings'
    /// titles plus abstracts it occurs.</param>
    public static IReadOnlyList<KeyTerm> Select(IEnumerable<(string Term, int Frequency, long Documents)> stats, long documents, int max) =>
        stats.Where(s => s.Documents > 0 && Eligible(s.Term))
            .Select(s => (s.Term, Weight: Math.Log(1 + (Math.Max(documents, 1) - s.Documents + 0.5) / (s.Documents + 0.5)) * (1 + Math.Log(s.Frequency))))
            .OrderByDescending(s => s.Weight).ThenBy(s => s.Term, StringComparer.Ordinal).Take(max)
            .Select(s => new KeyTerm(s.Term, Math.Round(s.Weight, 3))).ToList();
}
