using System.Text.RegularExpressions;
using Marketplace.Tests.Shared;

namespace Marketplace.Browser.Tests;

/// <summary>
/// What a page of the Chinese UI must not show: the English of the server's resources (the keys of the Chinese table
/// and the English names of the neutral one) and the names of enum values. Data people typed (an organisation's
/// English name, a patent's English title) is not the server's text and is taken out before looking.
/// </summary>
public sealed partial class EnglishOnPage(IEnumerable<string> data)
{
    private static readonly string[] NotShown = ["MatchReasonKind", "ImportColumn"];

    /// <summary>Pieces of the resources' English between placeholders, long enough to be a phrase, not a stray word.</summary>
    private static readonly string[] Phrases = ResourceFiles.Chinese.Keys.Where(k => !ResourceFiles.IsName(k))
        .Concat(ResourceFiles.English.Values)
        .SelectMany(k => Placeholder().Split(k)).Select(p => p.Trim(' ', '.', ',', ':', ';', '(', ')'))
        .Where(p => p.Length >= 8 && p.Contains(' ') && Letters().Matches(p).Count >= 2)
        .Distinct().ToArray();

    /// <summary>Enum names as whole words: "UtilityModel", "PendingReview", "Other"…</summary>
    private static readonly Regex EnumNames = new(@"\b(?:" + string.Join("|",
        new[] { typeof(Marketplace.Domain.Common.Text).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.IsPublic && !NotShown.Contains(t.Name))
            .SelectMany(Enum.GetNames).Distinct().OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")\b");

    private readonly string[] _data = data.Where(d => !string.IsNullOrWhiteSpace(d)).OrderByDescending(d => d.Length).ToArray();

    /// <summary>The English found in a page's text, after taking out the data and the language switch's own "English".</summary>
    public IReadOnlyList<string> Find(string pageText)
    {
        var text = _data.Aggregate(pageText, (t, d) => t.Replace(d, " ", StringComparison.Ordinal)).Replace("English", " ");
        var found = Phrases.Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();
        found.AddRange(EnumNames.Matches(text).Select(m => m.Value));
        // Words the resources do not know of (an ASP.NET default message, a label written into a view) read as three or more English words in a row.
        found.AddRange(Sentence().Matches(text).Select(m => m.Value));
        return found.Distinct().ToList();
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Letters();

    [GeneratedRegex(@"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\b")]
    private static partial Regex Sentence();
}
