using System.Text.RegularExpressions;

namespace Marketplace.Web.Features.Shared;

/// <summary>
/// The inputs of a form by the names the domain's refusals use (the API's JSON names, e.g. "licence.termMonths",
/// "ipcCodes[2]"), so a page can put each refusal next to the input it is about. A list field's items share the
/// list's input (one textarea of IPC codes); a field the form does not show maps to null (the message goes above the form).
/// </summary>
public sealed partial class FormFields(string prefix, params string[] jsonNames)
{
    private readonly HashSet<string> _known = jsonNames.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public string? KeyFor(string field)
    {
        var name = Index().Replace(field, "");
        while (!_known.Contains(name))
        {
            // "owners.sharePercent" falls back to "owners" when only the list has an input.
            var dot = name.LastIndexOf('.');
            if (dot < 0) return null;
            name = name[..dot];
        }
        return prefix + "." + string.Join('.', name.Split('.').Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
