using Marketplace.Domain.Common;

namespace Marketplace.Web.Features.Patents.Import;

public sealed record ColumnUse(string Header, ImportColumn Column, string? Sample);

public sealed record UnknownColumn(string Header, IReadOnlyList<string> Samples);

/// <summary>Two headers of one field (申请人 and 当前申请(专利权)人): which one was read, and which were not.</summary>
public sealed record AmbiguousColumn(ImportColumn Column, string Used, IReadOnlyList<string> NotUsed);

/// <summary>How the import understood a file, shown before anything is written: the sheet and header row it read,
/// each column's field with a sample value, the columns it does not know (with samples), and the ambiguous ones.</summary>
public sealed record ImportPreview(
    string Format, string? Encoding, bool HasMacros, string Sheet, IReadOnlyList<string> OtherSheets, int HeaderRow,
    IReadOnlyList<ColumnUse> Columns, IReadOnlyList<UnknownColumn> Unknown, IReadOnlyList<AmbiguousColumn> Ambiguous);

/// <summary>
/// Finds the header row (a title row or a query line above it is skipped) on the sheet that has the most known
/// columns, and maps each column to its field. Two columns of the same rank for one field are refused — the import
/// cannot tell which is meant — while columns of different rank are resolved and reported.
/// </summary>
public sealed class HeaderMap
{
    private readonly Dictionary<ImportColumn, int> _columns;
    private readonly string[] _header;

    public ImportPreview Preview { get; }
    public IReadOnlyList<SheetRow> DataRows { get; }

    private HeaderMap(Dictionary<ImportColumn, int> columns, string[] header, ImportPreview preview, IReadOnlyList<SheetRow> dataRows) =>
        (_columns, _header, Preview, DataRows) = (columns, header, preview, dataRows);

    public IReadOnlyDictionary<ImportColumn, int> Columns => _columns;

    public bool Has(ImportColumn column) => _columns.ContainsKey(column);

    /// <summary>The header as the user's file wrote it, or our template's name for a column the file lacks.</summary>
    public string HeaderOf(ImportColumn column) => _columns.TryGetValue(column, out var i) ? _header[i] : ImportColumns.HeaderOf(column);

    public static HeaderMap Read(Workbook workbook)
    {
        var (sheet, headerIndex, known) = workbook.Sheets
            .SelectMany(s => s.Rows.Take(SpreadsheetReader.MaxLeadingRows + 1).Select((r, i) => (Sheet: s, Index: i, Known: KnownColumns(r.Cells))))
            .OrderByDescending(c => c.Known).FirstOrDefault();
        if (sheet is null || known < 2)
            throw new DomainRuleException("file", new Text("No header row was found in the first {0} rows; the columns need names such as 申请号, 专利名称 and 申请日.", SpreadsheetReader.MaxLeadingRows + 1));
        var header = sheet.Rows[headerIndex].Cells;
        var dataRows = sheet.Rows.Skip(headerIndex + 1).ToList();
        if (dataRows.Count == 0) throw new DomainRuleException("file", "The file has a header row but no patents.");
        if (dataRows.Count > SpreadsheetReader.MaxRows)
            throw new DomainRuleException("file", new Text("The file has more than {0} rows; split it into several files.", SpreadsheetReader.MaxRows));

        var found = header.Select((h, i) => (Header: h, Index: i, Match: HeaderNames.Find(h))).ToList();
        var columns = new Dictionary<ImportColumn, int>();
        var ambiguous = new List<AmbiguousColumn>();
        foreach (var group in found.Where(f => f.Match is not null).GroupBy(f => f.Match!.Value.Column))
        {
            var ranked = group.OrderBy(f => f.Match!.Value.Rank).ThenBy(f => f.Index).ToList();
            if (ranked.Count > 1 && ranked[0].Match!.Value.Rank == ranked[1].Match!.Value.Rank)
                throw new DomainRuleException("file", new Text("The columns {0} and {1} both mean {2}; keep one of them.",
                    ranked[0].Header, ranked[1].Header, ImportColumns.HeaderOf(group.Key)));
            columns[group.Key] = ranked[0].Index;
            if (ranked.Count > 1) ambiguous.Add(new AmbiguousColumn(group.Key, ranked[0].Header, ranked.Skip(1).Select(f => f.Header).ToList()));
        }
        foreach (var required in ImportColumns.Required.Where(c => !columns.ContainsKey(c)))
            throw new DomainRuleException("file", new Text("The file has no {0} column; without it no patent can be registered.", ImportColumns.HeaderOf(required)));

        string? Sample(int index) => dataRows.Select(r => index < r.Cells.Length ? r.Cells[index] : "").FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        var uses = columns.OrderBy(c => c.Value).Select(c => new ColumnUse(header[c.Value], c.Key, Sample(c.Value))).ToList();
        var unknown = found.Where(f => f.Match is null && !string.IsNullOrWhiteSpace(f.Header))
            .Select(f => new UnknownColumn(f.Header, dataRows.Select(r => f.Index < r.Cells.Length ? r.Cells[f.Index] : "")
                .Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().Take(3).ToList())).ToList();
        var preview = new ImportPreview(workbook.Format, workbook.Encoding, workbook.HasMacros, sheet.Name,
            workbook.Sheets.Where(s => s != sheet).Select(s => s.Name).ToList(), sheet.Rows[headerIndex].Number, uses, unknown, ambiguous);
        return new HeaderMap(columns, header, preview, dataRows);
    }

    private static int KnownColumns(string[] cells) =>
        cells.Select(HeaderNames.Find).Where(m => m is not null).Select(m => m!.Value.Column).Distinct().Count();
}
