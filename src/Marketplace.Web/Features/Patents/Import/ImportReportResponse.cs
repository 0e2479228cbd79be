using Marketplace.Domain.Common;
using Marketplace.Web.Features.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Patents.Import;

public sealed record ImportIssueResponse(int Row, string Column, string Message);

public sealed record ColumnUseResponse(string Header, string Field, string? Sample);

public sealed record AmbiguousColumnResponse(string Field, string Used, IReadOnlyList<string> NotUsed);

public sealed record ImportPreviewResponse(
    string Format, string? Encoding, bool HasMacros, string Sheet, IReadOnlyList<string> OtherSheets, int HeaderRow,
    IReadOnlyList<ColumnUseResponse> Columns, IReadOnlyList<UnknownColumn> Unknown, IReadOnlyList<AmbiguousColumnResponse> Ambiguous);

/// <summary>The import report as the API answers it: every message said in the caller's language (Chinese unless
/// English was asked for), column names as the file wrote them.</summary>
public sealed record ImportReportResponse(
    int Rows, int Imported, int PatentsCreated, int PatentsUpdated, int ListingsCreated, int ListingsUpdated, bool DryRun,
    IReadOnlyList<ImportIssueResponse> Errors, IReadOnlyList<ImportIssueResponse> Notes, IReadOnlyList<string> IgnoredColumns,
    ImportPreviewResponse Preview)
{
    public static ImportReportResponse From(ImportReport r, IStringLocalizer t)
    {
        List<ImportIssueResponse> Say(IEnumerable<ImportIssue> issues) => issues.Select(i => new ImportIssueResponse(i.Row, i.Column, t.Say(i.Message))).ToList();
        var p = r.Preview;
        return new ImportReportResponse(r.Rows, r.Imported, r.PatentsCreated, r.PatentsUpdated, r.ListingsCreated, r.ListingsUpdated, r.DryRun,
            Say(r.Errors), Say(r.Notes), r.IgnoredColumns,
            new ImportPreviewResponse(p.Format, p.Encoding, p.HasMacros, p.Sheet, p.OtherSheets, p.HeaderRow,
                p.Columns.Select(c => new ColumnUseResponse(c.Header, t.Say(ImportColumns.Label(c.Column)), c.Sample)).ToList(), p.Unknown,
                p.Ambiguous.Select(a => new AmbiguousColumnResponse(t.Say(ImportColumns.Label(a.Column)), a.Used, a.NotUsed)).ToList()));
    }
}
