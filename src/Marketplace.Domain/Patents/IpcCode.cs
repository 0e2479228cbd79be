using System.Text.RegularExpressions;
using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>
/// An International Patent Classification symbol down to the subgroup, e.g. "B63B 35/00": section (A–H), class
/// (two digits), subclass (a letter), main group (1–4 digits), '/', subgroup (2–6 digits). The normal form has
/// one space after the subclass and no leading zeros in the main group, so equal codes compare equal.
/// </summary>
public readonly partial record struct IpcCode
{
    private const string Example = "B63B 35/00";
    private readonly string? _value;

    public string Value => _value ?? "";
    public char Section => Value.Length > 0 ? Value[0] : '\0';

    /// <summary>e.g. "B63".</summary>
    public string Class => Value.Length >= 3 ? Value[..3] : "";

    /// <summary>e.g. "B63B".</summary>
    public string Subclass => Value.Length >= 4 ? Value[..4] : "";

    /// <summary>e.g. "B63B 35".</summary>
    public string MainGroup => Value.Contains('/') ? Value[..Value.IndexOf('/')] : "";

    private IpcCode(string value) => _value = value;

    public override string ToString() => Value;

    public static IpcCode Parse(string? input, string field)
    {
        var error = Validate(input, out var normalized);
        if (error is not null) throw new DomainRuleException(field, error);
        return new IpcCode(normalized);
    }

    public static bool TryParse(string? input, out IpcCode code)
    {
        var ok = Validate(input, out var normalized) is null;
        code = ok ? new IpcCode(normalized) : default;
        return ok;
    }

    /// <summary>Returns null when valid (with <paramref name="normalized"/> set), otherwise a message saying what is wrong.</summary>
    public static Text? Validate(string? input, out string normalized)
    {
        normalized = "";
        var text = CodeText.Compact(input);

        if (text.Length == 0)
            return new Text("An IPC code is required, e.g. {0}.", Example);
        if (text[0] is < 'A' or > 'H')
            return new Text("An IPC code starts with its section, a letter from A to H, not '{0}'.", text[0]);
        if (text.Length < 3 || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[2]))
            return new Text("After the section letter an IPC code has a two-digit class, as in {0}.", Example);
        if (text.Length < 4 || !char.IsAsciiLetterUpper(text[3]))
            return new Text("After the class an IPC code has a subclass letter, as in {0}.", Example);

        var group = Group().Match(text[4..]);
        if (!group.Success)
            return new Text("After the subclass an IPC code has a main group (1 to 4 digits), '/' and a subgroup (2 to 6 digits), as in {0}.", Example);
        var mainGroup = int.Parse(group.Groups["main"].Value);
        if (mainGroup == 0)
            return new Text("An IPC main group is a number from 1 to 9999, not 0.");

        normalized = $"{text[..4]} {mainGroup}/{group.Groups["sub"].Value}";
        return null;
    }

    [GeneratedRegex("^(?<main>[0-9]{1,4})/(?<sub>[0-9]{2,6})$")]
    private static partial Regex Group();
}
