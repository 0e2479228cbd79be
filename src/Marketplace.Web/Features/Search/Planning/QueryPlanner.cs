using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Marketplace.Web.Features.Search.Planning;

/// <summary>
/// Turns typed text into a <see cref="QueryPlan"/>. Chinese runs are segmented by SmartCn (the segmenter the index
/// uses); what it splits into single characters is glued back (压/载/水 → 压载水) and matched as bigrams, so a term the
/// dictionary does not know still matches as typed. Function words (的, 一种, 用于) are dropped; generic patent words
/// (方法, 装置, 系统) only add to the score. English runs are stemmed and looked up in the technical glossary.
/// The work is bounded: at most <see cref="MaxChars"/> characters are analysed and at most <see cref="MaxUnits"/> units kept.
/// </summary>
public static class QueryPlanner
{
    public const int MaxChars = 100, MaxUnits = 12;

    private static readonly SmartChineseAnalyzer Chinese = new(LuceneVersion.LUCENE_48);

    private static readonly HashSet<string> Dropped =
    [
        "一种", "一", "种", "的", "及", "和", "与", "或", "其", "用", "于", "用于", "基于", "所述", "该", "以及", "具有", "包括", "及其", "其中",
        "通过", "一个", "进行", "实现", "对", "在", "中", "为", "了", "是", "由", "将", "可", "能", "等", "个", "有", "并", "从", "到", "以", "使",
        "式", "型", "之", "被", "把", "向", "至",
    ];

    private static readonly HashSet<string> Generic = ["方法", "装置", "系统", "设备", "结构", "工艺", "制备", "应用", "用途", "新型", "技术", "产品"];

    public static QueryPlan Plan(string? text)
    {
        var units = new List<QueryUnit>();
        var phrases = new List<string>();
        var normalized = Normalize(text);
        foreach (var (run, han) in Runs(normalized))
        {
            if (han) AddChinese(run, units, phrases);
            else AddLatin(run, units);
            if (units.Count >= MaxUnits) break;
        }
        units = units.Take(MaxUnits).DistinctBy(u => u.Text).ToList();
        // A query of nothing but generic words (「装置」) counts them after all.
        if (units.Count > 0 && !units.Any(u => u.Counted)) units = units.Select(u => u with { Counted = true }).ToList();
        return new QueryPlan(units, MinimumMatch(units.Count(u => u.Counted)), phrases.Distinct().ToList());
    }

    /// <summary>Short queries need all their units, then one may miss, then 60 % of them.</summary>
    public static int MinimumMatch(int counted) => counted switch
    {
        <= 2 => counted,
        <= 4 => counted - 1,
        _ => (int)Math.Ceiling(counted * 0.6),
    };

    private static void AddChinese(string run, List<QueryUnit> units, List<string> phrases)
    {
        var tokens = Segment(run);
        // A character typed on its own (「船」) is meant as a word.
        var alone = tokens.Count == 1;
        var phrase = new List<QueryUnit>();
        var phraseStart = -1;
        var phraseEnd = -1;
        void ClosePhrase()
        {
            if (phrase.Count >= 2) phrases.Add(run[phraseStart..phraseEnd]);
            phrase.Clear();
            phraseStart = -1;
        }
        var words = Compounds(run, tokens);
        for (var i = 0; i < words.Count; i++)
        {
            var (word, start, end, loose) = words[i];
            if (Dropped.Contains(word)) { ClosePhrase(); continue; }
            var unit = new QueryUnit(word, false, (word.Length > 1 || alone) && !Generic.Contains(word), []) { Loose = loose };
            units.Add(unit);
            if (phraseStart < 0) phraseStart = start;
            phraseEnd = end;
            phrase.Add(unit);
        }
        ClosePhrase();
    }

    /// <summary>
    /// SmartCn splits what its dictionary does not know into single characters. A run of them becomes one loose unit
    /// (骨/刀/刀/头 → 骨刀刀头, matched by most of its bigrams, since the run may span two unknown words); a lone one
    /// joins the word before it (阻尼 + 器 → 阻尼器), or the word after it at the start (抽 + 纸盒 → 抽纸盒).
    /// </summary>
    private static List<(string Word, int Start, int End, bool Loose)> Compounds(string run, List<(string Word, int Start, int End)> tokens)
    {
        bool Single(int i) => i >= 0 && i < tokens.Count && tokens[i].Word.Length == 1 && !Dropped.Contains(tokens[i].Word);
        bool Joined(int i, int j) => tokens[i].End == tokens[j].Start;
        var words = new List<(string Word, int Start, int End, bool Loose)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (word, start, end) = tokens[i];
            if (Single(i) && Single(i + 1) && Joined(i, i + 1))
            {
                var last = i + 1;
                while (Single(last + 1) && Joined(last, last + 1)) last++;
                words.Add((run[start..tokens[last].End], start, tokens[last].End, true));
                i = last;
                continue;
            }
            var lone = Single(i);
            if (lone && words.Count > 0 && words[^1].End == start && !words[^1].Loose && !Dropped.Contains(words[^1].Word))
            {
                words[^1] = (run[words[^1].Start..end], words[^1].Start, end, false);
                continue;
            }
            if (lone && i + 1 < tokens.Count && !Dropped.Contains(tokens[i + 1].Word) && Joined(i, i + 1))
            {
                words.Add((run[start..tokens[i + 1].End], start, tokens[i + 1].End, false));
                i++;
                continue;
            }
            words.Add((word, start, end, false));
        }
        return words;
    }

    private static void AddLatin(string run, List<QueryUnit> units)
    {
        var stems = TechnicalGlossary.Stems(run);
        var words = stems.Select(s => s.Stem).ToList();
        for (var i = 0; i < stems.Count;)
        {
            var (length, chinese) = TechnicalGlossary.LongestAt(words, i);
            var take = Math.Max(length, 1);
            var surface = run[stems[i].Start..stems[i + take - 1].End];
            // Bare numbers ("77" of "77 GHz") say little on their own.
            units.Add(new QueryUnit(surface, true, !surface.All(char.IsAsciiDigit), chinese));
            i += take;
        }
    }

    /// <summary>SmartCn's words of a text, as the index segments it.</summary>
    public static IEnumerable<string> Words(string text) => Segment(text).Select(t => t.Word);

    /// <summary>Function words (的, 一种, 用于) that say nothing about a subject.</summary>
    public static bool IsFunctionWord(string word) => Dropped.Contains(word);

    private static List<(string Word, int Start, int End)> Segment(string run)
    {
        var tokens = new List<(string, int, int)>();
        using var stream = Chinese.GetTokenStream("q", run);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return tokens;
    }

    /// <summary>Runs of Han characters, and runs of everything else that hold a letter or digit (English words stay
    /// together across spaces, so glossary phrases can be found).</summary>
    private static List<(string Run, bool Han)> Runs(string text)
    {
        var runs = new List<(string, bool)>();
        for (var i = 0; i < text.Length;)
        {
            var han = IsHan(text[i]);
            var end = i;
            while (end < text.Length && IsHan(text[end]) == han) end++;
            var run = text[i..end].Trim();
            if (han || run.Any(char.IsLetterOrDigit)) runs.Add((run, han));
            i = end;
        }
        return runs;
    }

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>NFKC (full-width letters and digits become ASCII), lower case, cut at <see cref="MaxChars"/>.</summary>
    public static string Normalize(string? text, int maxChars = MaxChars)
    {
        var normalized = (text ?? "").Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture).Trim();
        if (normalized.Length <= maxChars) return normalized;
        var cut = char.IsHighSurrogate(normalized[maxChars - 1]) ? maxChars - 1 : maxChars;
        return normalized[..cut];
    }
}
