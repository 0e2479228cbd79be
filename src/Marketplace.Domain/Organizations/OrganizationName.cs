using System.Text;

namespace Marketplace.Domain.Organizations;

/// <summary>
/// Organisation names as patent records write them compare equal when they differ only in the width of brackets
/// and letters or in spaces: 哈尔滨工业大学(威海) = 哈尔滨工业大学（威海） = 哈尔滨工业大学 （威海）. Nothing else is
/// folded; a name that merely contains another (哈尔滨工业大学（威海）某某有限公司) is a different organisation.
/// </summary>
public static class OrganizationName
{
    public static string Normalize(string? name)
    {
        var builder = new StringBuilder();
        // NFKC turns full-width brackets, letters and digits into their ASCII forms.
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c)) continue;
            builder.Append(c switch { '〔' or '［' or '【' => '(', '〕' or '］' or '】' => ')', _ => char.ToLowerInvariant(c) });
        }
        return builder.ToString();
    }

    public static bool SameAs(string? a, string? b) => Normalize(a) == Normalize(b);
}
