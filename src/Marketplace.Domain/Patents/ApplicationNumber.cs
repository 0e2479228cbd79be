using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>
/// 申请号, the number CNIPA gives an application, which the patent keeps for life (the "专利号" ZL… is the same
/// number with a prefix). Since 1 October 2003: 4-digit year, type digit, 7-digit serial, '.', check character
/// (e.g. 202310104843.5). Before: 2-digit year, type digit, 5-digit serial, '.', check (e.g. 98123456.9).
/// The check is Σ digitᵢ × weightᵢ mod 11 with weights 2…9, 2…5; a remainder of 10 is written X. Every weight is
/// non-zero mod 11, so any single mistyped digit is caught.
/// </summary>
public readonly record struct ApplicationNumber
{
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    private const string Example = "202310104843.5";

    private readonly string? _value;

    /// <summary>The normal form: digits, '.', check character.</summary>
    public string Value => _value ?? "";

    /// <summary>The year in the number. For PCT entries (type 8, 9) it is the year of entry into the Chinese national phase.</summary>
    public int FilingYear { get; }

    /// <summary>1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model.</summary>
    public int TypeDigit { get; }

    public PatentType Type => TypeDigit switch
    {
        2 or 9 => PatentType.UtilityModel,
        3 => PatentType.Design,
        _ => PatentType.Invention,
    };

    public bool IsPct => TypeDigit is 8 or 9;

    private ApplicationNumber(string value, int filingYear, int typeDigit)
    {
        _value = value;
        FilingYear = filingYear;
        TypeDigit = typeDigit;
    }

    public override string ToString() => Value;

    /// <summary>Parses a number, throwing a <see cref="DomainRuleException"/> that names <paramref name="field"/>.</summary>
    public static ApplicationNumber Parse(string? input, string field = "applicationNumber")
    {
        var error = Validate(input, out var normalized);
        if (error is not null) throw new DomainRuleException(field, error);
        return FromNormalized(normalized);
    }

    public static bool TryParse(string? input, out ApplicationNumber number)
    {
        var ok = Validate(input, out var normalized) is null;
        number = ok ? FromNormalized(normalized) : default;
        return ok;
    }

    /// <summary>
    /// Returns null when valid (with <paramref name="normalized"/> set), otherwise a message saying what is wrong.
    /// Accepts a CN or ZL prefix, lower case, spaces, full-width characters and a missing dot.
    /// </summary>
    public static Text? Validate(string? input, out string normalized)
    {
        normalized = "";
        var text = Clean(input);
        if (text.StartsWith("CN", StringComparison.Ordinal) || text.StartsWith("ZL", StringComparison.Ordinal))
            text = text[2..];
        if (text.Length == 0)
            return new Text("An application number is required, e.g. {0}.", Example);

        string digits;
        char? check;
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            digits = text[..dot];
            var after = text.Length - dot - 1;
            if (after > 1)
                return new Text("After the dot comes exactly one check character, a digit or X.");
            check = after == 1 ? text[^1] : null;
        }
        else if (text.Length is 9 or 13)
        {
            digits = text[..^1];
            check = text[^1];
        }
        else
        {
            digits = text;
            check = null;
        }

        if (digits.Length is not (8 or 12) || !digits.All(char.IsAsciiDigit))
            return new Text("An application number has 12 digits and a check character, e.g. {0} " +
                            "(applications filed before October 2003 have 8 digits and a check character).", Example);

        var isOld = digits.Length == 8;
        var year = isOld ? OldYear(int.Parse(digits[..2])) : int.Parse(digits[..4]);
        if (year is null)
            return new Text("An 8-digit application number is from 1985 to 2003 and starts with the year: 85 to 99 or 00 to 03.");
        if (!isOld && year < 2003)
            return new Text("A 12-digit application number starts with its filing year, 2003 or later, not {0}.", year);

        var typeIndex = isOld ? 2 : 4;
        var typeDigit = digits[typeIndex] - '0';
        if (typeDigit is not (1 or 2 or 3 or 8 or 9))
            return new Text("The type digit (digit {0}) must be 1 (invention), 2 (utility model), 3 (design), " +
                            "8 (PCT invention) or 9 (PCT utility model), not {1}.", typeIndex + 1, typeDigit);

        var expected = CheckCharacter(digits);
        if (check is null)
            return new Text("The application number has no check character; add the check character: {0}.{1}", digits, expected);
        if (check != expected)
            return new Text("The check character should be '{0}', not '{1}'.", expected, check);

        normalized = $"{digits}.{expected}";
        return null;
    }

    /// <summary>The check character over 8 or 12 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> digits)
    {
        if (digits.Length is not (8 or 12))
            throw new ArgumentException("An application number has 8 or 12 digits before its check character.", nameof(digits));
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
                throw new ArgumentException("Only digits carry a check character.", nameof(digits));
            sum += (digits[i] - '0') * Weights[i];
        }
        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    // The old format ran from 1985 (when the Patent Law took effect) until October 2003.
    private static int? OldYear(int twoDigits) => twoDigits switch
    {
        >= 85 => 1900 + twoDigits,
        <= 3 => 2000 + twoDigits,
        _ => null,
    };

    // NFKC turns full-width digits, letters, dots and spaces (common with Chinese input methods) into ASCII.
    private static string Clean(string? input) => CodeText.Compact(input);

    private static ApplicationNumber FromNormalized(string normalized)
    {
        var isOld = normalized.Length == 10;
        var year = isOld ? OldYear(int.Parse(normalized[..2]))!.Value : int.Parse(normalized[..4]);
        return new ApplicationNumber(normalized, year, normalized[isOld ? 2 : 4] - '0');
    }
}
