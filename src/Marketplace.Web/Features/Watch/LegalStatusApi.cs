using System.Security.Claims;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Patents.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Watch;

public sealed record LegalStatusProblemResponse(int Row, string Field, string Message);

public sealed record LegalStatusReportResponse(
    Guid UploadId, string Source, int Rows, int Applied, int Unchanged, int History, IReadOnlyList<LegalStatusProblemResponse> Problems)
{
    public static LegalStatusReportResponse From(LegalStatusReport r, IStringLocalizer t) =>
        new(r.UploadId, r.Source, r.Rows, r.Applied, r.Unchanged, r.History, r.Problems.Select(p => new LegalStatusProblemResponse(p.Row, p.Field, t.Say(p.Message))).ToList());
}

public static class LegalStatusApi
{
    /// <summary>multipart/form-data with `file`; `asOf` (yyyy-MM-dd) dates the rows of an export that has no event dates.
    /// 200 with the report when anything was read into the history, 422 when every row was refused.</summary>
    public static async Task<Results<Ok<LegalStatusReportResponse>, UnprocessableEntity<LegalStatusReportResponse>>> UploadAsync(
        IFormFile file, [FromQuery] DateOnly? asOf, ClaimsPrincipal user, LegalStatusApplier applier, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var report = await applier.ApplyAsync(user, new LegalStatusFile(stream, file.FileName, asOf), ct);
        var response = LegalStatusReportResponse.From(report, t);
        return report.Applied + report.Unchanged + report.History == 0 && report.Problems.Count > 0
            ? TypedResults.UnprocessableEntity(response) : TypedResults.Ok(response);
    }

    public static RouteHandlerBuilder MapLegalStatusUpload(this RouteGroupBuilder offices) =>
        offices.MapPost("/legal-status", UploadAsync).RequireAuthorization(Accounts.AccountsFeature.VerifiedOrganization).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(SpreadsheetReader.MaxBytes + 64 * 1024));
}
