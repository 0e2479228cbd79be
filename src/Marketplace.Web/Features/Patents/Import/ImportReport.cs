namespace Marketplace.Web.Features.Patents.Import;

/// <summary>One problem in one cell: the spreadsheet row (1 is the header), the column header, and what is wrong.</summary>
public sealed record ImportError(int Row, string Column, string Message);

public sealed record ImportReport(
    int Rows, int Imported, int PatentsCreated, int PatentsUpdated, int ListingsCreated, int ListingsUpdated,
    IReadOnlyList<ImportError> Errors, IReadOnlyList<string> IgnoredColumns)
{
    public bool NothingWritten => Imported == 0;
}
