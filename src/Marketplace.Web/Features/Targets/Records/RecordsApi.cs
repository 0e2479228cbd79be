using Marketplace.Web.Platform.Identity;

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

    public static Task<RecordsResponse<DealRecord>> DealsAsync(RecordsQuery query, RecordFilter filter, CancellationToken ct) =>
        CollectAsync("deals", filter, query.DealsAsync(filter, ct).Select(d => d.Record), r => r.ContractAmount, r => r.Received, ct);

    public static Task<RecordsResponse<PaymentRecord>> PaymentsAsync(RecordsQuery query, RecordFilter filter, CancellationToken ct) =>
        CollectAsync("payments", filter, query.PaymentsAsync(filter, ct), r => r.Net, _ => 0m, ct);

    public static Task<RecordsResponse<LoanRecord>> LoansAsync(RecordsQuery query, RecordFilter filter, CancellationToken ct) =>
        CollectAsync("loans", filter, query.LoansAsync(filter, ct), r => r.Amount, _ => 0m, ct);

    /// <summary>Each session counts one toward "held"; the second figure is its attendance.</summary>
    public static Task<RecordsResponse<SessionRecord>> SessionsAsync(RecordsQuery query, RecordFilter filter, CancellationToken ct) =>
        CollectAsync("sessions", filter, query.SessionsAsync(filter, ct), _ => 1m, r => r.Attended, ct);

    /// <summary>Sums every record (the figure) while keeping the first <see cref="MaxRows"/> to show.</summary>
    private static async Task<RecordsResponse<T>> CollectAsync<T>(string kind, RecordFilter filter, IAsyncEnumerable<T> records,
        Func<T, decimal> figure, Func<T, decimal> second, CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var (rows, total, other, count) = (new List<T>(), 0m, 0m, 0);
        await foreach (var r in records.WithCancellation(ct))
        {
            (total, other, count) = (total + figure(r), other + second(r), count + 1);
            if (rows.Count < MaxRows) rows.Add(r);
        }
        return new RecordsResponse<T>(kind, from, to, total, other, count, rows);
    }
}
