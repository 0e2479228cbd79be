using System.Text;

namespace Marketplace.Domain.Common;

/// <summary>How a typed or exported code (application and publication numbers, IPC and Locarno classes) is read:
/// NFKC turns full-width letters, digits and brackets into ASCII, spaces anywhere are dropped, letters upper-cased.</summary>
public static class CodeText
{
    public static string Compact(string? input)
    {
        var builder = new StringBuilder();
        foreach (var c in (input ?? "").Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c)) builder.Append(char.ToUpperInvariant(c));
        return builder.ToString();
    }
}
