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
    /// <summary>Trimmed text of 1 to <paramref name="max"/> characters; <paramref name="label"/> names the input as the form
    /// labels it (e.g. "Chinese title"), so the message reads "Chinese title is required" in either language.</summary>
    public static string Required(string? text, string field, Text label, int max, bool multiline = false) =>
        Optional(text, field, label, max, multiline)
        ?? throw new DomainRuleException(field, new Text("{0} is required (1 to {1} characters).", label, max));

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Optional(string? text, string field, Text label, int max, bool multiline = false)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        if (multiline) trimmed = trimmed.Replace("\r\n", "\n").Replace('\r', '\n');

        var length = 0;
        var span = trimmed.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                throw new DomainRuleException(field, new Text("{0} contains an invalid character.", label));
            if (Rune.IsControl(rune) && !(multiline && rune.Value is '\n' or '\t'))
                throw new DomainRuleException(field, multiline
                    ? new Text("{0} contains a control character; only text, line breaks and tabs are allowed.", label)
                    : new Text("{0} must be a single line of text without control characters.", label));
            length++;
            span = span[consumed..];
        }
        if (length > max)
            throw new DomainRuleException(field, new Text("{0} has {1} characters; at most {2} are allowed.", label, length, max));
        return trimmed;
    }
}
