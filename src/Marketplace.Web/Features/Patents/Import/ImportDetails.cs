using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>
/// A row's patent as the domain's <see cref="PatentDetails"/>, with what the export lacks declared as
/// <see cref="RecordGaps"/> rather than invented, and a note for each gap in words an office understands.
/// </summary>
public static partial class ImportDetails
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^CN\d{7,10}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BareSerial();

    public static (PatentDetails Details, List<(ImportColumn Column, Text Note)> Notes) Read(ImportRow row, HeaderMap map, OwnerDirectory owners)
    {
        var notes = new List<(ImportColumn, Text)>();
        var number = ApplicationNumberOf(row);
        var type = row.Type() ?? number.Type;
        var publication = row[ImportColumn.PublicationNumber];
        // Older records (before kind codes were printed, e.g. CN1458558) carry a bare serial: kept out, not refused.
        if (publication is not null && BareSerial().IsMatch(publication.Trim()))
        {
            notes.Add((ImportColumn.PublicationNumber, new Text("The publication number {0} has no kind code (A, B, U, S …) and was not stored.", publication)));
            publication = null;
        }
        var gaps = RecordGaps.None;

        var filing = row.Date(ImportColumn.FilingDate);
        if (filing is null && row.Year(ImportColumn.FilingYear) is { } year)
        {
            filing = new DateOnly(year, 1, 1);
            gaps |= RecordGaps.FilingDay;
            notes.Add((ImportColumn.FilingYear, new Text("Only the filing year {0} is known: the filing date is set to 1 January, so the term shown ends no later than the real one. Enter the filing date when you can.", year)));
        }
        if (filing is null) throw new DomainRuleException("filingDate", "The filing date is required.");

        var reading = row.Status();
        var grant = row.Date(ImportColumn.GrantDate) ?? GrantFromPublication(row, publication);
        var granted = grant is not null || reading?.Granted == true;
        var status = reading?.Status ?? (granted ? LegalStatus.Valid : LegalStatus.Pending);
        if (status == LegalStatus.Pending) grant = null;
        if (granted && grant is null && status != LegalStatus.Pending)
        {
            gaps |= RecordGaps.GrantDate;
            notes.Add((ImportColumn.GrantDate, new Text("Granted, but the file gives no grant date; enter it when you can.")));
        }

        var abstractZh = row[ImportColumn.Abstract] ?? "";
        if (abstractZh.Length == 0)
        {
            gaps |= RecordGaps.Abstract;
            notes.Add((ImportColumn.Abstract, new Text("No abstract: the patent is registered, but it cannot be listed until its abstract is filled in.")));
        }
        var inventors = row.Names(ImportColumn.Inventors);
        if (inventors.Count == 0) gaps |= RecordGaps.Inventors;

        var ipc = IpcList(row);
        var locarno = row[ImportColumn.LocarnoClass];
        if (type == PatentType.Design ? locarno is null : ipc.Count == 0)
        {
            gaps |= RecordGaps.Classification;
            notes.Add((type == PatentType.Design ? ImportColumn.LocarnoClass : ImportColumn.IpcCodes, type == PatentType.Design
                ? new Text("No Locarno class for this design; add it (e.g. 12-08) so it can be found by class.")
                : new Text("No IPC code; add one so the patent can be found by field.")));
        }
        // A design's IPC column, where an export fills it, holds nothing a design is classified by.
        if (type == PatentType.Design) ipc = [];

        if (reading?.Events.HasFlag(LegalEvents.Pledge) == true)
            notes.Add((ImportColumn.LegalStatus, new Text("The register records a pledge (质押) of this patent.")));
        var details = new PatentDetails(
            number.Value, type, publication, row[ImportColumn.Title] ?? "", row[ImportColumn.TitleEn],
            abstractZh, row[ImportColumn.AbstractEn], ipc, type == PatentType.Design ? null : MainIpc(row),
            inventors, owners.Resolve(row.Names(ImportColumn.Owners)), filing.Value, grant, status,
            status == LegalStatus.Lapsed ? reading?.Reason ?? "失效" : null, null,
            type == PatentType.Design ? locarno : null, reading?.Events ?? LegalEvents.None, gaps);
        return (details, notes);
    }

    private static ApplicationNumber ApplicationNumberOf(ImportRow row)
    {
        var text = row[ImportColumn.ApplicationNumber];
        if (text is null && row[ImportColumn.PublicationNumber] is { } publication)
            throw new DomainRuleException("applicationNumber", new Text(
                "The row has only the publication number {0}; the application number (申请号) is what identifies a patent. Add a 申请号 column.", publication));
        return ApplicationNumber.Parse(text);
    }

    /// <summary>A grant publication (kind B, C, U, Y or S) is dated on the grant: its date is the grant date.</summary>
    private static DateOnly? GrantFromPublication(ImportRow row, string? publication) =>
        publication?.Trim().ToUpperInvariant() is { Length: > 2 } p && p.StartsWith("CN", StringComparison.Ordinal)
        && p.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') is { Length: > 2 } kind && kind[^1] is 'B' or 'C' or 'U' or 'Y' or 'S'
            ? row.Date(ImportColumn.PublicationDate)
            : null;

    private static string? MainIpc(ImportRow row) => row.IpcCodes(ImportColumn.MainIpc).FirstOrDefault();

    /// <summary>The main IPC leads the list, as exports often give it only in its own column.</summary>
    private static List<string> IpcList(ImportRow row)
    {
        var codes = row.IpcCodes(ImportColumn.IpcCodes).ToList();
        if (MainIpc(row) is { } main && !codes.Any(c => IpcCode.TryParse(c, out var a) && IpcCode.TryParse(main, out var b) && a == b))
            codes.Insert(0, main);
        return codes.Select(c => IpcCode.TryParse(c, out var code) ? code.Value : c).Distinct().Take(PatentDetails.MaxIpcCodes).ToList();
    }
}
