namespace Marketplace.Web.Features.OffPlatform;

public enum ImportAction { Create, Update, Unchanged, Refused }

/// <summary>A refusal in a row: the spreadsheet's row, the column as the file names it, and what is wrong.</summary>
public sealed record ImportProblem(int Row, string Field, string? Column, string Message);

/// <summary>What one record of the file does (rows with the same registration number are one record).</summary>
public sealed record ImportRecord(string RegistrationNumber, IReadOnlyList<int> Rows, ImportAction Action, decimal Amount, decimal Counted,
    string? Certificate, string? Reference);

/// <summary>
/// The preview of an import (nothing written) or what it did: each record's action, the rows' refusals, and the
/// amount it adds to the figures. <paramref name="PendingId"/> confirms the very same upload.
/// </summary>
public sealed record ImportResult(Guid? PendingId, Guid? BatchId, string FileName, string Sha256, int Rows, int Created, int Updated, int Unchanged,
    int Refused, decimal Counted, IReadOnlyList<ImportRecord> Records, IReadOnlyList<ImportProblem> Problems)
{
    public bool Valid => Problems.Count == 0;
}
