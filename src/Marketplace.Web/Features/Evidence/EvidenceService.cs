using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.OffPlatform;
using Marketplace.Web.Features.Pledges;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Evidence;

/// <summary>
/// Documents attached to counted records, and the park office's verification. A document is checked by its content
/// and kept with its SHA-256; the same file twice on one record is refused. The record's evidence moves through its
/// own aggregate (a deal, an application, a session, an imported record), so the audit row and the kept totals
/// follow as for any change of it, and the document commits with the move or not at all.
/// </summary>
public sealed class EvidenceService(MarketplaceDb db, EvidenceRecords records, AuditLog audit, TimeProvider clock, PledgeService pledges,
    ImportedEvidence imported)
{
    public const string DocumentEntity = "EvidenceDocument";

    public async Task<EvidenceResponse> DescribeAsync(ClaimsPrincipal caller, RecordKind kind, Guid id, int? tranche, CancellationToken ct)
    {
        var target = await records.FindAsync(caller, kind, id, tranche, ct);
        var documents = await db.EvidenceDocuments.AsNoTracking().Where(d => d.RecordKind == kind && d.RecordId == id && d.Tranche == tranche)
            .OrderBy(d => d.UploadedAt).ToListAsync(ct);
        return new EvidenceResponse(kind, id, tranche, target.Title, target.Link, target.Evidence.State, target.Evidence.VerifiedBy, target.Evidence.VerifiedAt,
            target.CanAttach, target.CanVerify, documents.Select(ToResponse).ToList());
    }

    public async Task<DocumentResponse> AttachAsync(ClaimsPrincipal caller, RecordKind kind, Guid id, int? tranche, DocumentKind documentKind, IFormFile? file,
        CancellationToken ct)
    {
        if (!DocumentRules.Fits(kind, documentKind))
            throw new DomainRuleException("documentKind", new Text("A {0} does not document this kind of record.", documentKind));
        if (file is null) throw new DomainRuleException("file", "Attach the document.");
        var target = await records.FindAsync(caller, kind, id, tranche, ct);
        if (!target.CanAttach) throw new NotFoundException("Record");
        var (bytes, type, name) = await ReadAsync(file, ct);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (await db.EvidenceDocuments.AnyAsync(d => d.RecordKind == kind && d.RecordId == id && d.Tranche == tranche && d.Sha256 == hash, ct))
            throw new DomainRuleException("file", "This very file is already attached to the record.", isConflict: true);
        var now = clock.GetUtcNow();
        var document = new EvidenceDocument
        {
            Id = Guid.CreateVersion7(now), RecordKind = kind, RecordId = id, Tranche = tranche, Kind = documentKind, FileName = name, ContentType = type,
            Size = bytes.Length, Sha256 = hash, UploadedByUserId = caller.UserId(), UploadedBy = caller.FindFirstValue(ClaimTypes.Email),
            UploadedByOrganizationId = caller.OrganizationId(), UploadedAt = now,
        };
        db.EvidenceDocuments.Add(document);
        db.EvidenceBlobs.Add(new EvidenceBlob { DocumentId = document.Id, Content = bytes });
        audit.Record(DocumentEntity, document.Id, "Attached", null, target.Evidence.State.ToString(), $"{kind} {id}{(tranche is { } n ? $" #{n}" : "")} {documentKind} sha256:{hash}");
        await MoveAsync(kind, id, tranche, "EvidenceDocumented", documentKind.ToString(), Documented(documentKind, now), ct);
        return ToResponse(document);
    }

    public async Task VerifyAsync(ClaimsPrincipal caller, RecordKind kind, Guid id, int? tranche, CancellationToken ct)
    {
        var target = await records.FindAsync(caller, kind, id, tranche, ct);
        if (!target.CanVerify) throw new ForbiddenActionException("evidence", "Only the park office verifies evidence.");
        var (user, by, now) = (caller.UserId()!.Value, caller.FindFirstValue(ClaimTypes.Email), clock.GetUtcNow());
        await MoveAsync(kind, id, tranche, "EvidenceVerified", by, new Steps(
            d => d.VerifyEvidence(null, user, by, now), (d, i) => d.VerifyEvidence(i, user, by, now), (a, n) => a.VerifyTranche(n, user, by, now),
            s => s.VerifyEvidence(user, by, now), p => p.Verify(user, by, now), c => c.Verify(user, by, now)), ct);
    }

    public async Task WithdrawAsync(ClaimsPrincipal caller, RecordKind kind, Guid id, int? tranche, string? reason, CancellationToken ct)
    {
        var target = await records.FindAsync(caller, kind, id, tranche, ct);
        if (!target.CanVerify) throw new ForbiddenActionException("evidence", "Only the park office withdraws a verification.");
        var now = clock.GetUtcNow();
        var why = string.IsNullOrWhiteSpace(reason) ? throw new DomainRuleException("reason", "Say why the verification is withdrawn.") : reason.Trim();
        await MoveAsync(kind, id, tranche, "VerificationWithdrawn", why, new Steps(
            d => d.WithdrawVerification(null, why, now), (d, i) => d.WithdrawVerification(i, why, now), (a, n) => a.WithdrawTrancheVerification(n, now),
            s => s.WithdrawVerification(why, now), p => p.WithdrawVerification(now), c => c.WithdrawVerification(now)), ct);
    }

    /// <summary>The file, for those who may see the record it documents (anyone else: 404).</summary>
    public async Task<(EvidenceDocument Document, byte[] Content)> DownloadAsync(ClaimsPrincipal caller, Guid documentId, CancellationToken ct)
    {
        var document = await db.EvidenceDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new NotFoundException("Document");
        await records.FindAsync(caller, document.RecordKind, document.RecordId, document.Tranche, ct);
        var blob = await db.EvidenceBlobs.AsNoTracking().SingleAsync(b => b.DocumentId == documentId, ct);
        return (document, blob.Content);
    }

    /// <summary>One step per kind of record; the evidence service picks the one for the record at hand.</summary>
    private sealed record Steps(Action<Domain.Deals.Deal> Deal, Action<Domain.Deals.Deal, Guid> Payment, Action<Domain.Pledges.PledgeApplication, int> Tranche,
        Action<Domain.Sessions.MatchmakingSession> Session, Action<Domain.OffPlatform.ImportedPledge> ImportedPledge, Action<Domain.OffPlatform.ImportedContract> ImportedContract);

    private static Steps Documented(DocumentKind kind, DateTimeOffset now) => new(
        d => d.DocumentEvidence(null, kind, now), (d, i) => d.DocumentEvidence(i, kind, now), (a, n) => a.DocumentTranche(n, now),
        s => s.DocumentEvidence(now), p => p.Document(now), c => c.Document(now));

    private async Task MoveAsync(RecordKind kind, Guid id, int? tranche, string action, string? comment, Steps steps, CancellationToken ct)
    {
        switch (kind)
        {
            case RecordKind.Deal or RecordKind.Payment:
                var deal = await records.TrackedDealAsync(kind, id, ct);
                if (kind == RecordKind.Deal) steps.Deal(deal); else steps.Payment(deal, id);
                await db.SaveChangesAsync(ct);
                break;
            case RecordKind.Tranche:
                var application = await db.PledgeApplications.SingleAsync(a => a.Id == id, ct);
                await pledges.TrancheEvidenceAsync(application, tranche!.Value, action, comment, (a, _) => steps.Tranche(a, tranche.Value), ct);
                break;
            case RecordKind.Session:
                var session = await db.Sessions.Include(s => s.Pitches).SingleAsync(s => s.Id == id, ct);
                steps.Session(session);
                await db.SaveChangesAsync(ct);
                break;
            case RecordKind.ImportedPledge:
                await imported.PledgeStepAsync(id, action, comment, steps.ImportedPledge, ct);
                break;
            default:
                await imported.ContractStepAsync(id, action, comment, steps.ImportedContract, ct);
                break;
        }
    }

    private static async Task<(byte[] Bytes, string Type, string Name)> ReadAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[DocumentRules.HeadLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var (type, name) = DocumentRules.Check(file.FileName, file.Length, head.AsSpan(0, read));
        stream.Position = 0;
        var bytes = new byte[file.Length];
        await stream.ReadExactlyAsync(bytes, ct);
        return (bytes, type, name);
    }

    private static DocumentResponse ToResponse(EvidenceDocument d) =>
        new(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt, $"/api/evidence/documents/{d.Id}");
}
