using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;

namespace Marketplace.Web.Features.Evidence;

public static class EvidenceFeature
{
    /// <summary>A document and the form around it; anything larger is refused from its length, before it is read.</summary>
    public const long MaxRequestBytes = DocumentRules.MaxBytes + 64 * 1024;

    public static WebApplicationBuilder AddEvidence(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EvidenceRecords>();
        builder.Services.AddScoped<EvidenceService>();
        builder.Services.AddScoped<OffPlatform.ImportedEvidence>();
        builder.Services.AddDomainEventHandler<EvidenceChanged, EvidenceAudit>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evidence").WithTags("Evidence").RequireAuthorization();
        api.MapGet("/{kind}/{id:guid}", async (string kind, Guid id, int? tranche, ClaimsPrincipal user, EvidenceService evidence, CancellationToken ct) =>
            TypedResults.Ok(await evidence.DescribeAsync(user, Kind(kind), id, tranche, ct)));
        api.MapPost("/{kind}/{id:guid}/documents", async (string kind, Guid id, int? tranche, DocumentKind? documentKind, HttpRequest request,
            ClaimsPrincipal user, EvidenceService evidence, CancellationToken ct) =>
        {
            var file = await FileAsync(request, ct);
            var document = await evidence.AttachAsync(user, Kind(kind), id, tranche,
                documentKind ?? throw new DomainRuleException("documentKind", "Say what the document is."), file, ct);
            return TypedResults.Created(document.Url, document);
        }).DisableAntiforgery().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64 * 1024 * 1024));
        api.MapPost("/{kind}/{id:guid}/verify", async (string kind, Guid id, int? tranche, ClaimsPrincipal user, EvidenceService evidence, CancellationToken ct) =>
        {
            await evidence.VerifyAsync(user, Kind(kind), id, tranche, ct);
            return TypedResults.Ok(await evidence.DescribeAsync(user, Kind(kind), id, tranche, ct));
        });
        api.MapPost("/{kind}/{id:guid}/withdraw", async (string kind, Guid id, int? tranche, WithdrawRequest request, ClaimsPrincipal user,
            EvidenceService evidence, CancellationToken ct) =>
        {
            await evidence.WithdrawAsync(user, Kind(kind), id, tranche, request.Reason, ct);
            return TypedResults.Ok(await evidence.DescribeAsync(user, Kind(kind), id, tranche, ct));
        });
        api.MapGet("/documents/{id:guid}", async (Guid id, ClaimsPrincipal user, EvidenceService evidence, CancellationToken ct) =>
        {
            var (document, content) = await evidence.DownloadAsync(user, id, ct);
            return TypedResults.File(content, document.ContentType, document.FileName);
        });
        return app;
    }

    private static RecordKind Kind(string segment) => EvidenceTarget.Parse(segment) ?? throw new NotFoundException("Record");

    /// <summary>
    /// The uploaded file. A body larger than one document may be is refused from its declared length with a problem
    /// naming the file, rather than read (a 50 MB upload costs nothing); the form is then read within the limit.
    /// </summary>
    public static async Task<IFormFile?> FileAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxRequestBytes)
            throw new DomainRuleException("file", new Text("The file has about {0:N0} bytes; a document may have at most {1} MB.",
                request.ContentLength, DocumentRules.MaxBytes / 1024 / 1024));
        if (!request.HasFormContentType) throw new DomainRuleException("file", "Send the document as multipart/form-data with a field named file.");
        var form = await request.ReadFormAsync(ct);
        return form.Files.GetFile("file");
    }
}
