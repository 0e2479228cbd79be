using System.Text;
using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>
/// Free-text checks shared by patents and listings. Text is stored as given (trimmed) and encoded on output, so
/// markup is not refused; control characters are, because they break exports and search indexing, and so are
/// unpaired surrogates, which PostgreSQL cannot store as UTF-8. Lengths count Unicode characters (code points),
/// as PostgreSQL's varchar(n) does, so rare CJK characters outside the BMP count once.
/// </summary>
internal static class TextRules
{
    /// <summary>Trimmed text of 1 to <paramref name="max"/> characters; <paramref name="noun"/> is e.g. "the Chinese title".</summary>
    public static string Required(string? text, string field, string noun, int max, bool multiline = false) =>
        Optional(text, field, noun, max, multiline)
        ?? throw new DomainRuleException(field, $"{Capitalised(noun)} is required (1 to {max} characters).");

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Optional(string? text, string field, string noun, int max, bool multiline = false)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        if (multiline) trimmed = trimmed.Replace("\r\n", "\n").Replace('\r', '\n');

        var length = 0;
        var span = trimmed.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                throw new DomainRuleException(field, $"{Capitalised(noun)} contains an invalid character.");
            if (Rune.IsControl(rune) && !(multiline && rune.Value is '\n' or '\t'))
                throw new DomainRuleException(field, multiline
                    ? $"{Capitalised(noun)} contains a control character; only text, line breaks and tabs are allowed."
                    : $"{Capitalised(noun)} must be a single line of text without control characters.");
            length++;
            span = span[consumed..];
        }
        if (length > max)
            throw new DomainRuleException(field, $"{Capitalised(noun)} has {length} characters; at most {max} are allowed.");
        return trimmed;
    }

    private static string Capitalised(string noun) => char.ToUpperInvariant(noun[0]) + noun[1..];
}
