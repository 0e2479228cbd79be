using System.Text;

namespace Marketplace.Web.Features.Search;

/// <summary>
/// Application and publication numbers in the forms people type them: CN202310104843.5, ZL 2023 1 0104843.5,
/// 2023101048435, 202310104843 (no check character), CN115123456A, 115123456 A. Each form comes down to a key the index
/// holds for the listing: the application number's 12 (or, before October 2003, 8) digits without the check character,
/// and the publication number's serial digits. A query that is such a number goes straight to the listing.
/// </summary>
public static class NumberSearch
{
    /// <summary>The keys a listing is found by.</summary>
    public static IEnumerable<string> Keys(string applicationNumber, string? publicationNumber)
    {
        var application = Clean(applicationNumber);
        var digits = new string(application.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length is 12 or 8 or 13 or 9) yield return digits[..(digits.Length >= 12 ? 12 : 8)];
        if (Serial(Clean(publicationNumber)) is { } serial) yield return serial;
    }

    /// <summary>The keys a typed text may stand for, or none when it is not a number.</summary>
    public static IReadOnlyList<string> KeysOf(string? text)
    {
        var clean = Clean(text);
        if (clean.Length == 0) return [];
        var keys = new List<string>();
        // An application number: digits, then perhaps a dot and the check character (a digit or X).
        var body = clean.Replace(".", "");
        if (body.Length is 12 or 8 && body.All(char.IsAsciiDigit)) keys.Add(body);
        if (body.Length is 13 or 9 && body[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(body[^1]) || body[^1] == 'X')) keys.Add(body[..^1]);
        if (Serial(clean) is { } serial) keys.Add(serial);
        return keys.Distinct().ToList();
    }

    /// <summary>7 to 10 digits with an optional kind code (A, B, C, U, Y, S and a digit).</summary>
    private static string? Serial(string clean)
    {
        var digits = new string(clean.TakeWhile(char.IsAsciiDigit).ToArray());
        var kind = clean[digits.Length..];
        var validKind = kind.Length == 0 || (kind[0] is 'A' or 'B' or 'C' or 'U' or 'Y' or 'S' && (kind.Length == 1 || (kind.Length == 2 && char.IsAsciiDigit(kind[1]))));
        return digits.Length is >= 7 and <= 10 && validKind ? digits : null;
    }

    /// <summary>Full-width forms folded (NFKC), spaces dropped, upper case, and a CN or ZL prefix removed.</summary>
    private static string Clean(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c)) builder.Append(char.ToUpperInvariant(c));
        }
        var clean = builder.ToString();
        return clean.StartsWith("CN", StringComparison.Ordinal) || clean.StartsWith("ZL", StringComparison.Ordinal) ? clean[2..] : clean;
    }
}
