using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Pledges;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.OffPlatform;

public static class OffPlatformFeature
{
    /// <summary>Banks import their pledges; the park office reads every bank's.</summary>
    public const string PledgeReaders = "ImportedPledgeReaders";

    /// <summary>A spreadsheet and its certificates: 5 MB and 10 MB a certificate, within 64 MB for the whole upload.</summary>
    public const long MaxUploadBytes = 64 * 1024 * 1024;

    public static WebApplicationBuilder AddOffPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PendingImports>();
        builder.Services.AddScoped<PledgeImporter>();
        builder.Services.AddScoped<ContractImporter>();
        builder.Services.AddScoped<OffPlatformQuery>();
        builder.Services.AddScoped<OffPlatformSources>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(PledgeReaders, p => p.RequireRole(Roles.BankOfficer, Roles.BankApprover, Roles.ParkAdmin)
            .AddRequirements(new VerifiedOrganizationRequirement()));
        return builder;
    }

    public static IEndpointRouteBuilder MapOffPlatformApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/off-platform").WithTags("Off-platform records");
        var pledges = api.MapGroup("/pledges").RequireAuthorization(PledgeReaders);
        pledges.MapGet("/", async (Guid? bank, string? registration, ClaimsPrincipal user, OffPlatformQuery query, CancellationToken ct) =>
            TypedResults.Ok(await query.PledgesAsync(user, bank, registration, ct)));
        pledges.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, OffPlatformQuery query, CancellationToken ct) =>
            TypedResults.Ok(await query.PledgeAsync(user, id, ct)));
        pledges.MapPost("/import", async (HttpRequest request, ClaimsPrincipal user, PledgeImporter importer, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var (sheet, certificates) = await UploadAsync(request, ct);
            return Answer(await importer.PreviewAsync(user.OrganizationId()!.Value, sheet, certificates, ct), t);
        }).RequireAuthorization(PledgesFeature.BankStaff).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + 1024 * 1024));
        pledges.MapPost("/import/{pending:guid}/confirm", async (Guid pending, ClaimsPrincipal user, PledgeImporter importer, IStringLocalizer<SharedResource> t,
            CancellationToken ct) => Answer(await importer.ConfirmAsync(user, user.OrganizationId()!.Value, pending, ct), t)).RequireAuthorization(PledgesFeature.BankStaff);

        var contracts = api.MapGroup("/contracts").RequireAuthorization(Roles.ParkAdmin);
        contracts.MapGet("/", async (int? year, OffPlatformQuery query, CancellationToken ct) => TypedResults.Ok(await query.ContractsAsync(year, ct)));
        contracts.MapGet("/{id:guid}", async (Guid id, OffPlatformQuery query, CancellationToken ct) => TypedResults.Ok(await query.ContractAsync(id, ct)));
        contracts.MapPost("/import", async (HttpRequest request, ClaimsPrincipal user, ContractImporter importer, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var (sheet, _) = await UploadAsync(request, ct);
            return Answer(await importer.PreviewAsync(user.OrganizationId()!.Value, sheet, ct), t);
        }).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + 1024 * 1024));
        contracts.MapPost("/import/{pending:guid}/confirm", async (Guid pending, ClaimsPrincipal user, ContractImporter importer, IStringLocalizer<SharedResource> t,
            CancellationToken ct) => Answer(await importer.ConfirmAsync(user, user.OrganizationId()!.Value, pending, ct), t));

        api.MapGet("/batches", async (ClaimsPrincipal user, OffPlatformQuery query, CancellationToken ct) => TypedResults.Ok(await query.BatchesAsync(user, ct)))
            .RequireAuthorization(PledgeReaders);
        return app;
    }

    /// <summary>A file without refusals: the preview (with the id that confirms it) or what was imported. Otherwise a 400
    /// naming each refused row and column (rows[7].pledgorCreditCode), with the whole report beside it.</summary>
    private static Results<Ok<ImportResult>, ProblemHttpResult> Answer(ImportResult result, IStringLocalizer<SharedResource> t)
    {
        if (result.Valid) return TypedResults.Ok(result);
        var errors = result.Problems.GroupBy(p => p.Row == 0 ? p.Field : $"rows[{p.Row}].{p.Field}").ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = 400, Title = t["One or more validation errors occurred."], Detail = result.Problems[0].Message, Extensions = { ["report"] = result },
        });
    }

    /// <summary>The spreadsheet (form field <c>file</c>) and any certificates (<c>certificates</c>), checked for size before the form is read.</summary>
    public static async Task<(UploadedFile Sheet, IReadOnlyList<UploadedFile> Certificates)> UploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxUploadBytes)
            throw new DomainRuleException("file", new Text("The upload has about {0:N0} bytes; at most {1} MB may be sent at once.", request.ContentLength, MaxUploadBytes / 1024 / 1024));
        if (!request.HasFormContentType) throw new DomainRuleException("file", "Send the spreadsheet as multipart/form-data with a field named file.");
        var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes }, ct);
        var sheet = form.Files.GetFile("file") ?? throw new DomainRuleException("file", "Attach the spreadsheet (XLSX or CSV).");
        if (sheet.Length > Patents.Import.SpreadsheetReader.MaxBytes)
            throw new DomainRuleException("file", new Text("The file is larger than {0} MB.", Patents.Import.SpreadsheetReader.MaxBytes / 1024 / 1024));
        var certificates = new List<UploadedFile>();
        foreach (var file in form.Files.GetFiles("certificates"))
        {
            if (file.Length > Domain.Evidence.DocumentRules.MaxBytes)
                throw new DomainRuleException("certificates", new Text("{0} has {1:N0} bytes; a certificate may have at most {2} MB.", file.FileName, file.Length,
                    Domain.Evidence.DocumentRules.MaxBytes / 1024 / 1024));
            certificates.Add(new UploadedFile(Path.GetFileName(file.FileName.Replace('\\', '/')), await Bytes(file, ct)));
        }
        return (new UploadedFile(Path.GetFileName(sheet.FileName.Replace('\\', '/')), await Bytes(sheet, ct)), certificates);
    }

    private static async Task<byte[]> Bytes(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
