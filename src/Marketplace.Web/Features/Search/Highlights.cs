using System.Net;
using System.Text;
using Marketplace.Web.Features.Search.Planning;

namespace Marketplace.Web.Features.Search;

/// <summary>
/// Marks what a query matched in a hit's title and abstract: the Chinese units and their words (and the translations
/// of English units) wherever they occur, English words by their stems. Everything else is HTML-encoded, so the result
/// is safe to render. The same for both engines, and independent of how the index segmented the text.
/// </summary>
public sealed class Highlights
{
    public const int SnippetLength = 120;
    private readonly string[] _marks;
    private readonly HashSet<string> _stems;

    private Highlights(IEnumerable<string> marks, IEnumerable<string> stems)
    {
        _marks = marks.Where(m => m.Length > 0).Distinct().OrderByDescending(m => m.Length).ToArray();
        _stems = stems.ToHashSet();
    }

    public static Highlights For(SearchQuery q)
    {
        if (q.Match == TextMatch.Similar) return new Highlights(q.KeyTerms.Select(k => k.Term), []);
        var plan = QueryPlanner.Plan(q.Text);
        var chinese = plan.Units.Where(u => !u.Latin).SelectMany(u => u.Loose
            ? Enumerable.Range(0, u.Text.Length - 1).Select(i => u.Text.Substring(i, 2)).Prepend(u.Text)
            : QueryPlanner.Words(u.Text).Where(w => w.Length > 1).Prepend(u.Text));
        var latin = plan.Units.Where(u => u.Latin).ToList();
        return new Highlights(chinese.Concat(latin.SelectMany(u => u.Translations)).Concat(latin.Select(u => u.Text)),
            latin.SelectMany(u => TechnicalGlossary.Stems(u.Text).Select(s => s.Stem)));
    }

    public bool IsEmpty => _marks.Length == 0 && _stems.Count == 0;

    /// <summary>The whole text with its matches marked, or null when nothing in it matched.</summary>
    public string? Whole(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var spans = Spans(text);
        return spans.Count == 0 ? null : Render(text, spans, 0, text.Length);
    }

    /// <summary>The <see cref="SnippetLength"/> characters around the first match, or null when nothing matched.</summary>
    public string? Snippet(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var spans = Spans(text);
        if (spans.Count == 0) return null;
        var start = Math.Max(0, Math.Min(spans[0].Start - 20, text.Length - SnippetLength));
        if (start > 0 && char.IsLowSurrogate(text[start])) start--;
        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1])) end--;
        return (start > 0 ? "…" : "") + Render(text, spans, start, end) + (end < text.Length ? "…" : "");
    }

    /// <summary>Non-overlapping matched spans in text order; longer marks win where they overlap.</summary>
    private List<(int Start, int End)> Spans(string text)
    {
        var taken = new bool[text.Length];
        var spans = new List<(int Start, int End)>();
        void Take(int start, int end)
        {
            for (var i = start; i < end; i++) if (taken[i]) return;
            for (var i = start; i < end; i++) taken[i] = true;
            spans.Add((start, end));
        }
        foreach (var mark in _marks)
        {
            // Marks are lower case; only those with Latin letters need a comparison that ignores case (and its cost).
            var comparison = mark.Any(char.IsAsciiLetter) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            for (var at = text.IndexOf(mark, comparison); at >= 0; at = text.IndexOf(mark, at + mark.Length, comparison))
                Take(at, at + mark.Length);
        }
        if (_stems.Count > 0)
        {
            foreach (var (run, offset) in LatinRuns(text))
                foreach (var (stem, start, end) in TechnicalGlossary.Stems(run)) if (_stems.Contains(stem)) Take(offset + start, offset + end);
        }
        spans.Sort();
        return spans;
    }

    /// <summary>The stretches between Han characters that hold a Latin letter: the English analyzer runs only over
    /// them, not over a whole Chinese abstract one character at a time.</summary>
    private static IEnumerable<(string Run, int Offset)> LatinRuns(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (QueryPlanner.IsHan(text[i])) { i++; continue; }
            var end = i;
            var letter = false;
            while (end < text.Length && !QueryPlanner.IsHan(text[end])) letter |= char.IsAsciiLetter(text[end++]);
            if (letter) yield return (text[i..end], i);
            i = end;
        }
    }

    private static string Render(string text, List<(int Start, int End)> spans, int from, int to)
    {
        var html = new StringBuilder();
        var at = from;
        foreach (var (start, end) in spans.Where(s => s.Start >= from && s.End <= to))
        {
            html.Append(WebUtility.HtmlEncode(text[at..start])).Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            at = end;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..to])).ToString();
    }
}
