using System.Text.RegularExpressions;
using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>
/// The Locarno classification (洛迦诺分类) of an industrial design: a class and a subclass, each two digits,
/// e.g. "12-08" (class 12, vehicles; subclass 08, cars, buses and lorries). Designs carry it instead of IPC. CNIPA
/// prints it as "LOC (13) Cl. 12-08" with the edition in brackets; the edition is not kept. Classes run from 01 to
/// 32, and 99 collects what no class takes (subclass 00 only).
/// </summary>
public readonly partial record struct LocarnoClass
{
    private const string Example = "12-08";
    private readonly string? _value;

    public string Value => _value ?? "";

    /// <summary>e.g. "12".</summary>
    public string Class => Value.Length >= 2 ? Value[..2] : "";

    private LocarnoClass(string value) => _value = value;

    public override string ToString() => Value;

    public static LocarnoClass Parse(string? input, string field = "locarnoClass")
    {
        var error = Validate(input, out var normalized);
        if (error is not null) throw new DomainRuleException(field, error);
        return new LocarnoClass(normalized);
    }

    public static bool TryParse(string? input, out LocarnoClass value)
    {
        var ok = Validate(input, out var normalized) is null;
        value = ok ? new LocarnoClass(normalized) : default;
        return ok;
    }

    /// <summary>Returns null when valid (with <paramref name="normalized"/> set), otherwise what is wrong.</summary>
    public static Text? Validate(string? input, out string normalized)
    {
        normalized = "";
        var text = Edition().Replace(CodeText.Compact(input), "");
        if (text.Length == 0) return new Text("A Locarno class is required for a design, e.g. {0}.", Example);
        var match = Shape().Match(text);
        if (!match.Success)
            return new Text("A Locarno class is a class and a subclass of two digits each, e.g. {0}; '{1}' is not one.", Example, input?.Trim());
        var (main, sub) = (int.Parse(match.Groups["class"].Value), int.Parse(match.Groups["sub"].Value));
        if (main is < 1 or > 32 && main != 99)
            return new Text("Locarno classes run from 01 to 32 (and 99); {0:00} is not one.", main);
        if (main == 99 && sub != 0)
            return new Text("Locarno class 99 has only subclass 00.");
        normalized = $"{main:00}-{sub:00}";
        return null;
    }

    // "LOC(13)CL.", "LOC(13)", "CL." — the prefix CNIPA prints before the class.
    [GeneratedRegex(@"^(LOC(\(\d+\))?)?(CL\.?:?)?")]
    private static partial Regex Edition();

    [GeneratedRegex(@"^(?<class>\d{1,2})[-—–－.](?<sub>\d{2})$|^(?<class>\d{2})(?<sub>\d{2})$")]
    private static partial Regex Shape();
}
