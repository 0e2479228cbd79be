namespace Marketplace.Web.Features.Watch;

/// <summary>One dated event of a patent's register history, as a source gives it. The patent is named by its
/// application number or, where the source has none (PatSnap's exports), by its publication number.</summary>
public sealed record LegalStatusRecord(int Row, string? ApplicationNumber, string? PublicationNumber, DateOnly On, string Status, int? CompensationDays);

/// <summary>A row the source could not turn into a record, with the column (field) at fault.</summary>
public sealed record SourceProblem(int Row, string Field, Domain.Common.Text Message);

public sealed record LegalStatusBatch(IReadOnlyList<LegalStatusRecord> Records, IReadOnlyList<SourceProblem> Problems);

/// <summary>
/// Where legal-status events come from. Built: an uploaded file (a database's legal-status export or CNIPA's event
/// list, <see cref="LegalStatusFile"/>). A sync from a patent-data API would be another implementation, read by the
/// same applier; none is pretended here.
/// </summary>
public interface ILegalStatusSource
{
    /// <summary>Recorded with every event it gives ("file: 法律状态.xlsx").</summary>
    string Name { get; }

    Task<LegalStatusBatch> ReadAsync(CancellationToken ct);
}

public static class LegalStatusSources
{
    /// <summary>The source of a lapse the calendar found (term over, fee unpaid past its grace period).</summary>
    public const string Calendar = "calendar";
}
