using Marketplace.Domain.Common;

namespace Marketplace.Domain.Organizations;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority, organisation type, 6-digit
/// administrative division, 9-character organisation code (GB 11714, with its own check character) and a final
/// check character over the first 17, all drawn from 31 symbols (no I, O, S, V, Z).
/// </summary>
public readonly record struct UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public string Value { get; }

    private UnifiedSocialCreditCode(string value) => Value = value;

    public override string ToString() => Value;

    /// <summary>Parses a code, throwing a <see cref="DomainRuleException"/> that names <paramref name="field"/>.</summary>
    public static UnifiedSocialCreditCode Parse(string? input, string field = "creditCode")
    {
        var error = Validate(input, out var normalized);
        if (error is not null) throw new DomainRuleException(field, error);
        return new UnifiedSocialCreditCode(normalized);
    }

    public static bool TryParse(string? input, out UnifiedSocialCreditCode code)
    {
        var ok = Validate(input, out var normalized) is null;
        code = ok ? new UnifiedSocialCreditCode(normalized) : default;
        return ok;
    }

    /// <summary>Returns null when valid, otherwise a message saying what is wrong.</summary>
    public static Text? Validate(string? input, out string normalized)
    {
        normalized = (input ?? "").Trim().ToUpperInvariant();
        if (normalized.Length != 18)
            return new Text("A unified social credit code has 18 characters; this one has {0}.", normalized.Length);
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(normalized[i]) < 0)
                return new Text("Character {0} ('{1}') is not allowed: codes use digits and capital letters except I, O, S, V and Z.", i + 1, normalized[i]);
        }
        if (!normalized.AsSpan(2, 6).ToString().All(char.IsAsciiDigit))
            return "Characters 3 to 8 must be the digits of an administrative division code.";

        var organizationCheck = OrganizationCodeCheck(normalized.AsSpan(8, 8));
        if (organizationCheck is null)
            return "Characters 9 to 16 must be the digits or capital letters of an organisation code.";
        if (normalized[16] != organizationCheck)
            return new Text("The organisation code's check character (character 17) should be '{0}', not '{1}'.", organizationCheck, normalized[16]);

        var expected = CheckCharacter(normalized.AsSpan(0, 17));
        if (normalized[17] != expected)
            return new Text("The check character (character 18) should be '{0}', not '{1}'.", expected, normalized[17]);
        return null;
    }

    /// <summary>The GB 32100 check character over the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The GB 11714 check character of an 8-character organisation code body, or null if it has other characters.</summary>
    public static char? OrganizationCodeCheck(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body[i];
            int value;
            if (char.IsAsciiDigit(c)) value = c - '0';
            else if (char.IsAsciiLetterUpper(c)) value = c - 'A' + 10;
            else return null;
            sum += value * OrganizationCodeWeights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }
}
