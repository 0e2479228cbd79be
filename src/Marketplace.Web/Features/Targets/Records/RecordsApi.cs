using Marketplace.Web.Features.Accounts;

namespace Marketplace.Web.Features.Targets.Records;

/// <summary>The park office's drill-down: the records behind any figure of the dashboard, with their evidence.</summary>
public static class RecordsApi
{
    /// <summary>Enough rows to read on a page; the totals always cover every record, and the export has them all.</summary>
    public const int MaxRows = 2000;

    public static IEndpointRouteBuilder MapTargetRecords(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/targets/records").WithTags("Targets").RequireAuthorization(Roles.ParkAdmin);
        api.MapGet("/deals", async ([AsParameters] RecordFilter filter, RecordsQuery query, CancellationToken ct) =>
            TypedResults.Ok(await DealsAsync(query, filter, ct)));
        api.MapGet("/payments", async ([AsParameters] RecordFilter filter, RecordsQuery query, CancellationToken ct) =>
            TypedResults.Ok(await PaymentsAsync(query, filter, ct)));
        api.MapGet("/sessions", async ([AsParameters] RecordFilter filter, RecordsQuery query, CancellationToken ct) =>
            TypedResults.Ok(await SessionsAsync(query, filter, ct)));
        api.MapGet("/loans", async ([AsParameters] RecordFilter filter, RecordsQuery query, CancellationToken ct) =>
            TypedResults.Ok(await LoansAsync(query, filter, ct)));
        return app;
    }

    public static async Task<RecordsResponse<DealRecord>> DealsAsync(RecordsQuery query, RecordFilter filter, CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var (rows, total, received, count) = (new List<DealRecord>(), 0m, 0m, 0);
        await foreach (var (_, r) in query.DealsAsync(filter, ct))
        {
            (total, received, count) = (total + r.ContractAmount, received + r.Received, count + 1);
            if (rows.Count < MaxRows) rows.Add(r);
        }
        return new RecordsResponse<DealRecord>("deals", from, to, total, received, count, rows);
    }

    public static async Task<RecordsResponse<PaymentRecord>> PaymentsAsync(RecordsQuery query, RecordFilter filter, CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var (rows, total, count) = (new List<PaymentRecord>(), 0m, 0);
        await foreach (var r in query.PaymentsAsync(filter, ct))
        {
            (total, count) = (total + r.Net, count + 1);
            if (rows.Count < MaxRows) rows.Add(r);
        }
        return new RecordsResponse<PaymentRecord>("payments", from, to, total, 0m, count, rows);
    }

    public static async Task<RecordsResponse<SessionRecord>> SessionsAsync(RecordsQuery query, RecordFilter filter, CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var rows = new List<SessionRecord>();
        await foreach (var r in query.SessionsAsync(filter, ct)) rows.Add(r);
        return new RecordsResponse<SessionRecord>("sessions", from, to, rows.Count, rows.Sum(r => r.Attended), rows.Count, rows);
    }

    public static async Task<RecordsResponse<LoanRecord>> LoansAsync(RecordsQuery query, RecordFilter filter, CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var (rows, total, count) = (new List<LoanRecord>(), 0m, 0);
        await foreach (var r in query.LoansAsync(filter, ct))
        {
            (total, count) = (total + r.Amount, count + 1);
            if (rows.Count < MaxRows) rows.Add(r);
        }
        return new RecordsResponse<LoanRecord>("loans", from, to, total, 0m, count, rows);
    }
}
