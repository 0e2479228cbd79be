using Marketplace.Domain.Common;
using Marketplace.Web.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.OffPlatform;

/// <summary>The rows of one record: those sharing a registration number.</summary>
public sealed record RowGroup(string Key, IReadOnlyList<ImportLine> Lines)
{
    public ImportLine First => Lines[0];
}

/// <summary>
/// What both imports do with rows: group the rows of one registration number (a number seen twice is one record,
/// never two — its other cells must agree, the rows may each add a tranche), and collect every refusal of a row in
/// the reader's language, naming the column as the file does.
/// </summary>
public sealed class ImportRows(IReadOnlyDictionary<string, string> headers, IStringLocalizer<SharedResource> t)
{
    private readonly List<ImportProblem> _problems = [];

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>The registration number as a grouping key: upper case, without spaces, dashes or a leading letter.</summary>
    public static string Key(string? number)
    {
        var text = new string(Domain.Registries.RegistryNumbers.Digits(number).Where(char.IsLetterOrDigit).ToArray());
        return text.Length > 0 && char.IsLetter(text[0]) ? text[1..] : text;
    }

    public IReadOnlyList<RowGroup> Group(IReadOnlyList<ImportLine> lines, string numberField, IReadOnlyList<string> sameFields)
    {
        var groups = new List<RowGroup>();
        foreach (var group in lines.GroupBy(l => Key(l[numberField])))
        {
            var list = group.ToList();
            if (group.Key.Length == 0)
            {
                foreach (var line in list) Add(line.Number, numberField, "Give the registration number.");
                continue;
            }
            var differing = list.Skip(1).SelectMany(l => sameFields.Where(f => l[f] is { } v && v != list[0][f]).Select(f => (l, f))).ToList();
            foreach (var (line, field) in differing)
                Add(line.Number, field, new Text("Row {0} has the same registration number with another value here; one number is one record.", list[0].Number));
            if (differing.Count == 0) groups.Add(new RowGroup(group.Key, list));
        }
        return groups;
    }

    /// <summary>Runs a check of one record; its refusals are the record's problems, on <paramref name="row"/>.</summary>
    public T? Check<T>(int row, Func<T> check) where T : class
    {
        try
        {
            return check();
        }
        catch (DomainRuleException rule)
        {
            foreach (var one in rule is DomainRulesException many ? many.All : [rule]) Add(row, one.Field, one.Text);
            return null;
        }
    }

    public void Add(int row, string field, Text message)
    {
        var column = headers.TryGetValue(field.Split('[', '.')[0], out var name) ? name : null;
        _problems.Add(new ImportProblem(row, field, column, t.Say(message)));
    }
}
