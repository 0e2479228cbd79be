using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Web.Features.Patents.Import;

namespace Marketplace.Web.Features.Watch;

/// <summary>
/// An uploaded legal-status file as a source of register events, read by the patent import's readers (the formats,
/// encodings and limits of <see cref="SpreadsheetReader"/>, its header normalisation and its cell and date forms
/// in <see cref="ImportRow"/>). Two kinds of file are read: CNIPA's event list (申请号, 法律状态公告日, 法律状态, one
/// dated event a row) and a database export of current states (PatSnap's 公开(公告)号 and 法律状态/事件, with no
/// date: the export's date, <paramref name="asOf"/>, is then every row's date).
/// </summary>
public sealed class LegalStatusFile(Stream upload, string fileName, DateOnly? asOf = null) : ILegalStatusSource
{
    // The columns a status file has, by their normalised header names (a patent export's other columns are ignored).
    private static readonly Dictionary<string, ImportColumn> Headers = Build();

    public string Name { get; } = $"file: {Path.GetFileName(fileName)}";

    private static Dictionary<string, ImportColumn> Build()
    {
        var headers = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        void Add(ImportColumn column, params string[] names) { foreach (var n in names) headers.TryAdd(HeaderNames.Normalize(n), column); }
        Add(ImportColumn.ApplicationNumber, "申请号", "专利号", "申请号/专利号", "专利申请号", "application number");
        Add(ImportColumn.PublicationNumber, "公开(公告)号", "公开公告号", "公开号", "公告号", "授权公告号", "公布号", "publication number");
        Add(ImportColumn.LegalStatus, "法律状态", "当前法律状态", "法律状态事件", "法律状态/事件", "法律事件", "事件", "legal status", "event");
        Add(ImportColumn.StatusDate, "法律状态公告日", "法律状态日", "法律状态日期", "法律状态生效日", "生效日", "事件日期", "公告日期", "date", "event date");
        Add(ImportColumn.TermCompensationDays, "期限补偿天数", "补偿天数", "专利权期限补偿(天)", "term compensation days");
        return headers;
    }

    public async Task<LegalStatusBatch> ReadAsync(CancellationToken ct)
    {
        var workbook = await SpreadsheetReader.ReadAsync(upload, ct);
        var (sheet, header, columns) = workbook.Sheets
            .SelectMany(s => s.Rows.Take(SpreadsheetReader.MaxLeadingRows + 1).Select((r, i) => (Sheet: s, Index: i, Columns: Columns(r.Cells))))
            .OrderByDescending(c => c.Columns.Count).FirstOrDefault();
        if (sheet is null || !columns.ContainsKey(ImportColumn.LegalStatus)
            || !(columns.ContainsKey(ImportColumn.ApplicationNumber) || columns.ContainsKey(ImportColumn.PublicationNumber)))
            throw new DomainRuleException("file", new Text("No header row with 申请号 (or 公开(公告)号) and 法律状态 was found in the first {0} rows.", SpreadsheetReader.MaxLeadingRows + 1));
        if (!columns.ContainsKey(ImportColumn.StatusDate) && asOf is null)
            throw new DomainRuleException("asOf", "The file has no event dates (法律状态公告日); give the date the export was made.");
        var rows = sheet.Rows.Skip(header + 1).ToList();
        if (rows.Count > SpreadsheetReader.MaxRows)
            throw new DomainRuleException("file", new Text("The file has more than {0} rows; split it into several files.", SpreadsheetReader.MaxRows));

        var (records, problems) = (new List<LegalStatusRecord>(), new List<SourceProblem>());
        foreach (var row in rows)
        {
            try
            {
                records.Add(Record(row.Number, new ImportRow(row.Cells, columns)));
            }
            catch (DomainRuleException e)
            {
                problems.Add(new SourceProblem(row.Number, e.Field, e.Text));
            }
        }
        return new LegalStatusBatch(records, problems);
    }

    private LegalStatusRecord Record(int number, ImportRow row)
    {
        var application = row[ImportColumn.ApplicationNumber] is { } a ? ApplicationNumber.Parse(a).ToString() : null;
        var publication = row[ImportColumn.PublicationNumber] is { } p ? PublicationNumber.Normalize(p) : null;
        if (application is null && publication is null)
            throw new DomainRuleException("applicationNumber", "The row names no patent: give its 申请号 or 公开(公告)号.");
        var status = row[ImportColumn.LegalStatus] ?? throw new DomainRuleException("legalStatus", "The row has no legal status.");
        var on = row.Date(ImportColumn.StatusDate) ?? asOf ?? throw new DomainRuleException("date", "The row has no date.");
        int? days = row[ImportColumn.TermCompensationDays] is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d
                : throw new DomainRuleException("termCompensationDays", new Text("'{0}' is not a number of days.", text))
            : null;
        return new LegalStatusRecord(number, application, publication, on, status, days);
    }

    private static Dictionary<ImportColumn, int> Columns(string[] cells)
    {
        var columns = new Dictionary<ImportColumn, int>();
        for (var i = 0; i < cells.Length; i++)
            if (Headers.TryGetValue(HeaderNames.Normalize(cells[i]), out var column)) columns.TryAdd(column, i);
        return columns;
    }
}
