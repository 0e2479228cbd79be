using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Web.Features.Patents.Import;

namespace Marketplace.Web.Features.OffPlatform;

/// <summary>One column an import reads: its field (as the checks name it) and the header names it is known by.</summary>
public sealed record ImportColumn(string Field, bool Required, params string[] Headers);

/// <summary>A data row: its number as the spreadsheet program shows it, and its cells by field.</summary>
public sealed record ImportLine(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string field] => Cells.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
}

/// <summary>
/// A spreadsheet of records made off the platform, read by the patents import's reader (XLSX or CSV, checked by its
/// bytes, size and row limits) and mapped to fields by header names, Chinese or English, in any order. A missing
/// required column refuses the file; unknown columns are ignored.
/// </summary>
public static class ImportSheet
{
    public static async Task<(IReadOnlyList<ImportLine> Lines, IReadOnlyDictionary<string, string> Headers)> ReadAsync(Stream file,
        IReadOnlyList<ImportColumn> columns, CancellationToken ct)
    {
        var book = await SpreadsheetReader.ReadAsync(file, ct);
        var rows = book.Sheets.Count == 0 ? [] : book.Sheets[0].Rows;
        if (rows.Count == 0) throw new DomainRuleException("file", "The file has no header row.");
        var header = rows[0].Cells.Select(Normalize).ToList();
        var positions = new Dictionary<string, int>();
        var headers = new Dictionary<string, string>();
        var missing = new List<string>();
        foreach (var column in columns)
        {
            var at = header.FindIndex(h => column.Headers.Any(n => Normalize(n) == h));
            if (at >= 0) (positions[column.Field], headers[column.Field]) = (at, rows[0].Cells[at]);
            else if (column.Required) missing.Add(column.Headers[0]);
        }
        if (missing.Count > 0) throw new DomainRuleException("file", new Text("The file lacks the columns {0}.", string.Join(", ", missing)));
        var lines = rows.Skip(1).Select(row => new ImportLine(row.Number,
            positions.ToDictionary(p => p.Key, p => p.Value < row.Cells.Length ? row.Cells[p.Value].Trim() : ""))).ToList();
        if (lines.Count == 0) throw new DomainRuleException("file", "The file has no data rows.");
        return (lines, headers);
    }

    /// <summary>A list cell: application numbers separated by semicolons, commas, 、 or line breaks.</summary>
    public static IReadOnlyList<string> List(string? cell) =>
        (cell ?? "").Split([';', '；', ',', '，', '、', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static decimal? Amount(string? cell, string field) =>
        cell is null ? null
        : decimal.TryParse(cell.Replace(",", "").Replace("，", "").Replace("¥", "").Replace("元", "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainRuleException(field, new Text("'{0}' is not an amount in yuan.", cell));

    public static DateOnly? Date(string? cell, string field)
    {
        if (cell is null) return null;
        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-MM-dd HH:mm"];
        return DateTime.TryParseExact(cell.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateOnly.FromDateTime(date)
            : throw new DomainRuleException(field, new Text("'{0}' is not a date (yyyy-MM-dd).", cell));
    }

    private static string Normalize(string header) =>
        new string(header.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）' or '*')).ToArray())
            .ToLowerInvariant();
}
