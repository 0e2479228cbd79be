using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Marketplace.Web.Features.Search.Planning;

/// <summary>
/// English technical terms with their Chinese equivalents (technical-terms.txt, embedded), so that an English query
/// finds patents that are written only in Chinese, as almost every CNIPA record is. Terms are matched by their English
/// stems, longest phrase first: "unmanned aerial vehicles" is 无人机, not "unmanned" + "aerial" + "vehicle".
/// </summary>
public static class TechnicalGlossary
{
    private static readonly Lazy<(Dictionary<string, string[]> Terms, int Longest)> Entries = new(Load);

    /// <summary>Analyzers hand each thread its own token stream, so one instance serves every query.</summary>
    private static readonly EnglishAnalyzer English = new(LuceneVersion.LUCENE_48);

    /// <summary>The stems of English text as the English fields index them (stop words removed), with their offsets.</summary>
    public static List<(string Stem, int Start, int End)> Stems(string text)
    {
        var stems = new List<(string, int, int)>();
        using var stream = English.GetTokenStream("en", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) stems.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return stems;
    }

    /// <summary>The longest glossary phrase starting at <paramref name="start"/>: how many stems it covers (0 when none)
    /// and its Chinese terms.</summary>
    public static (int Length, string[] Chinese) LongestAt(IReadOnlyList<string> stems, int start)
    {
        var (terms, longest) = Entries.Value;
        for (var length = Math.Min(longest, stems.Count - start); length > 0; length--)
        {
            if (terms.TryGetValue(string.Join(' ', stems.Skip(start).Take(length)), out var chinese)) return (length, chinese);
        }
        return (0, []);
    }

    private static (Dictionary<string, string[]>, int) Load()
    {
        using var stream = typeof(TechnicalGlossary).Assembly.GetManifestResourceStream("technical-terms.txt")
            ?? throw new InvalidOperationException("technical-terms.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var terms = new Dictionary<string, string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var key = string.Join(' ', Stems(parts[0]).Select(s => s.Stem));
            if (key.Length == 0 || parts.Length < 2) continue;
            terms[key] = terms.TryGetValue(key, out var known) ? [.. known.Union(parts[1..])] : parts[1..];
        }
        return (terms, terms.Keys.Max(k => k.Count(c => c == ' ') + 1));
    }
}
