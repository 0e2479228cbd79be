using Marketplace.Domain.Common;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>One finding about one row: the spreadsheet row number, the column header as the file wrote it, and
/// what is wrong (an error) or what the office should know (a note), as words said in the reader's language.</summary>
public sealed record ImportIssue(int Row, string Column, Text Message);

/// <summary>
/// What an import did, or in a dry run would do. Nothing is written when a row is wrong (unless only valid rows
/// were asked for), and never in a dry run; <see cref="Preview"/> tells how the file was understood.
/// </summary>
public sealed record ImportReport(
    int Rows, int Imported, int PatentsCreated, int PatentsUpdated, int ListingsCreated, int ListingsUpdated,
    IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportIssue> Notes, ImportPreview Preview, bool DryRun)
{
    public bool NothingWritten => DryRun || Imported == 0;

    public IReadOnlyList<string> IgnoredColumns => Preview.Unknown.Select(u => u.Header).ToList();
}
