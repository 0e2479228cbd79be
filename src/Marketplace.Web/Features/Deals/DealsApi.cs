using Marketplace.Web.Features.Localization;
using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Deals;

public static class DealsApi
{
    private const int ExportBatch = 200;

    public static IEndpointRouteBuilder MapDealsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deals").WithTags("Deals").RequireAuthorization();
        api.MapGet("/", List);
        api.MapGet("/export.csv", Export).RequireAuthorization(Roles.ParkAdmin);
        api.MapPost("/", async (OffPlatformDealRequest request, DealService deals, DealReader reader, CancellationToken ct) =>
        {
            var deal = await deals.RecordOffPlatformAsync(request, ct);
            return TypedResults.Created($"/api/deals/{deal.Id}", await reader.DescribeAsync(deal, ct));
        }).RequireAuthorization(Roles.ParkAdmin);
        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, DealService deals, DealReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await deals.FindReadableAsync(user, id, ct), ct)));
        api.MapPost("/{id:guid}/sign", async (Guid id, SignRequest request, ClaimsPrincipal user, DealService deals, DealReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await deals.SignAsync(user, id, request, ct), ct)));
        api.MapPost("/{id:guid}/record", async (Guid id, RecordRequest request, ClaimsPrincipal user, DealService deals, DealReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await deals.RecordAsync(user, id, request, ct), ct)));
        api.MapPost("/{id:guid}/complete", async (Guid id, VersionRequest? request, ClaimsPrincipal user, DealService deals, DealReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await deals.CompleteAsync(user, id, request?.Version, ct), ct)));
        api.MapPost("/{id:guid}/cancel", async (Guid id, CancelRequest request, ClaimsPrincipal user, DealService deals, DealReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await deals.CancelAsync(user, id, request, ct), ct)));
        api.MapGet("/{id:guid}/payments", async (Guid id, ClaimsPrincipal user, DealService deals, CancellationToken ct) =>
            TypedResults.Ok((await deals.FindReadableAsync(user, id, ct)).Instalments.OrderBy(i => i.Number).Select(DealMapper.ToResponse).ToList()));
        api.MapPut("/{id:guid}/payments", async (Guid id, ScheduleRequest request, ClaimsPrincipal user, DealService deals, DealReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await deals.ScheduleAsync(user, id, request, ct), ct)));
        api.MapPost("/{id:guid}/payments/proposal", async (Guid id, ScheduleRequest request, ClaimsPrincipal user, DealService deals, DealReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.DescribeAsync(await deals.ProposeScheduleAsync(user, id, request, ct), ct)));
        foreach (var (path, answer) in new[] { ("accept", ScheduleAnswer.Accepted), ("reject", ScheduleAnswer.Rejected), ("withdraw", ScheduleAnswer.Withdrawn) })
            api.MapPost($"/{{id:guid}}/payments/proposal/{path}", async (Guid id, VersionRequest? request, ClaimsPrincipal user, DealService deals, DealReader reader, CancellationToken ct) =>
                TypedResults.Ok(await reader.DescribeAsync(await deals.AnswerScheduleAsync(user, id, answer, request?.Version, ct), ct)));
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DealResponse>>> List([AsParameters] DealFilter filter, ClaimsPrincipal user, DealService deals,
        DealReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DescribeAsync(await filter.Apply(deals.Readable(user)).Take(500).ToListAsync(ct), ct));

    /// <summary>The park office's register as CSV, streamed row by row; headers and values in the caller's language (Chinese unless it asks otherwise).</summary>
    private static async Task Export([AsParameters] DealFilter filter, ClaimsPrincipal user, DealService deals, DealReader reader, HttpContext http,
        Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> t, CancellationToken ct)
    {
        // Filters are checked before the first byte: a refused year is then a 400, not a cut-off download.
        var rows = filter.Apply(deals.Readable(user)).ThenBy(d => d.Id);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"deals.csv\"";
        // A byte order mark so that Excel opens the Chinese headers as UTF-8; formulas in text are escaped (CSV injection).
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, true);
        foreach (var header in new[] { t["Deal id"], t["Status"], t["Category"], t["Application number"], t["Patent title"], t["Seller or licensor"],
                     t["Buyer or licensee"], t["Contract amount (CNY)"], t["Received (CNY)"], t["Contract date"], t["Technology-contract registration number"],
                     t["CNIPA record or registration number"], t["Origin"] })
            csv.WriteField(header.Value);
        await csv.EndRecordAsync(ct);
        // Batch by batch, each read to the end before it is described: describing queries the same connection, which
        // cannot run a second command while a reader is still open on it (the export used to die after its header).
        for (var skip = 0; ; skip += ExportBatch)
        {
            var batch = await rows.Skip(skip).Take(ExportBatch).ToListAsync(ct);
            foreach (var d in await reader.DescribeAsync(batch, ct))
            {
                foreach (var field in new object?[] { d.Id, t.Display(d.Status), t.Display(d.Category), d.ApplicationNumber, d.PatentTitleZh, d.SellerNameZh, d.BuyerNameZh,
                             d.ContractAmount.ToString("0.00", CultureInfo.InvariantCulture), d.Received.ToString("0.00", CultureInfo.InvariantCulture),
                             d.ContractDate?.ToString("yyyy-MM-dd"), d.RegistrationNumber, d.RecordNumber, t.Display(d.Origin) })
                    csv.WriteField(field?.ToString());
                await csv.EndRecordAsync(ct);
            }
            if (batch.Count < ExportBatch) break;
        }
        await csv.FlushAsync(ct);
    }
}
