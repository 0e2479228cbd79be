using System.Text.RegularExpressions;
using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>
/// 公告号/公开号: "CN", a serial of 7 to 10 digits and a kind code. A, B, C are invention publications (application,
/// grant since 2010, grant before 2010), U and Y utility models, S designs; a digit may follow (e.g. B1).
/// </summary>
public static partial class PublicationNumber
{
    private const string Example = "CN115123456A";

    /// <summary>Returns the normal form, e.g. "CN115123456A", or throws a <see cref="DomainRuleException"/> naming <paramref name="field"/>.</summary>
    public static string Normalize(string? input, string field = "publicationNumber")
    {
        var text = Clean(input);
        if (text.Length == 0)
            throw new DomainRuleException(field, new Text("A publication number is required, e.g. {0}.", Example));
        if (!text.StartsWith("CN", StringComparison.Ordinal))
            throw new DomainRuleException(field, new Text("A Chinese publication number starts with CN, e.g. {0}.", Example));
        if (!Shape().IsMatch(text))
            throw new DomainRuleException(field,
                new Text("A publication number is CN, 7 to 10 digits and a kind code A, B, C, U, Y or S, e.g. {0}.", Example));
        return text;
    }

    /// <summary>The patent type a normalized publication number's kind code belongs to.</summary>
    internal static PatentType TypeOf(string normalized)
    {
        var kind = Shape().Match(normalized).Groups["kind"].Value[0];
        return kind switch
        {
            'U' or 'Y' => PatentType.UtilityModel,
            'S' => PatentType.Design,
            _ => PatentType.Invention,
        };
    }

    private static string Clean(string? input) => CodeText.Compact(input);

    [GeneratedRegex(@"^CN[0-9]{7,10}(?<kind>[ABCUYS])[0-9]?$")]
    private static partial Regex Shape();
}
