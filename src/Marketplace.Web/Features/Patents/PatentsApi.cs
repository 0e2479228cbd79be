using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Patents.Import;
using Marketplace.Web.Features.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Patents;

public static class PatentsApi
{
    public static IEndpointRouteBuilder MapPatentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patents").WithTags("Patents");
        api.MapGet("/", List).RequireAuthorization();
        api.MapPost("/", Create).RequireAuthorization(PatentsFeature.CanList);
        api.MapGet("/{id:guid}", Get);
        api.MapPut("/{id:guid}", Update).RequireAuthorization(PatentsFeature.CanList);
        api.MapPost("/{id:guid}/consent", Consent).RequireAuthorization(AccountsFeature.VerifiedOrganization);
        api.MapPost("/import", ImportFile).RequireAuthorization(PatentsFeature.CanList).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(SpreadsheetReader.MaxBytes + 64 * 1024));
        api.MapGet("/import/template.xlsx", () => TypedResults.File(ImportTemplate.Xlsx(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "patent-import-template.xlsx"));
        api.MapGet("/import/template.csv", () => TypedResults.File(ImportTemplate.Csv(), "text/csv; charset=utf-8", "patent-import-template.csv"));
        return app;
    }

    /// <summary>The patents the caller's organisation owns (all of them for the park office).</summary>
    private static async Task<Ok<Paged<PatentResponse>>> List(
        [AsParameters] PageQuery paging, ClaimsPrincipal user, MarketplaceDb db, PatentFacts facts, CancellationToken ct)
    {
        var organizationId = user.OrganizationId();
        var query = user.IsInRole(Roles.ParkAdmin) ? db.Patents.AsNoTracking() : db.Patents.AsNoTracking().Where(p => p.OwnerOrganizationId == organizationId);
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(p => p.ApplicationNumber).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new Paged<PatentResponse>(await facts.DescribeAsync(page, ct), paging.PageNumber, paging.Size, total));
    }

    private static async Task<Created<PatentResponse>> Create(
        PatentRequest request, ClaimsPrincipal user, PatentService patents, PatentFacts facts, CancellationToken ct)
    {
        var patent = await patents.CreateAsync(user, request, ct);
        return TypedResults.Created($"/api/patents/{patent.Id}", await facts.DescribeAsync(patent, ct));
    }

    private static async Task<Ok<PatentResponse>> Get(Guid id, ClaimsPrincipal user, PatentService patents, PatentFacts facts, CancellationToken ct) =>
        TypedResults.Ok(await facts.DescribeAsync(await patents.FindVisibleAsync(user, id, ct), ct));

    private static async Task<Ok<PatentResponse>> Update(
        Guid id, PatentRequest request, ClaimsPrincipal user, PatentService patents, PatentFacts facts, CancellationToken ct) =>
        TypedResults.Ok(await facts.DescribeAsync(await patents.UpdateAsync(user, id, request, ct), ct));

    private static async Task<Ok<PatentResponse>> Consent(Guid id, ClaimsPrincipal user, PatentService patents, PatentFacts facts, CancellationToken ct) =>
        TypedResults.Ok(await facts.DescribeAsync(await patents.RecordConsentAsync(user, id, ct), ct));

    /// <summary>multipart/form-data with `file`; `mode=valid` imports the valid rows and reports the rest;
    /// `dryRun=true` checks every row and answers how the file was understood, writing nothing.</summary>
    private static async Task<Results<Ok<ImportReportResponse>, UnprocessableEntity<ImportReportResponse>>> ImportFile(
        IFormFile file, [FromQuery] string? mode, [FromQuery] bool? submit, [FromQuery] bool? dryRun, ClaimsPrincipal user,
        PatentImporter importer, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var report = await importer.ImportAsync(user, stream, validRowsOnly: mode == "valid", submitForReview: submit ?? true, ct, dryRun ?? false);
        var response = ImportReportResponse.From(report, t);
        return report.Imported == 0 && report.Errors.Count > 0 && !report.DryRun ? TypedResults.UnprocessableEntity(response) : TypedResults.Ok(response);
    }
}
