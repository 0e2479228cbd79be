using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.OffPlatform;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Evidence;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.OffPlatform;

/// <summary>
/// A bank brings in the pledge registrations it arranged in its own systems: a spreadsheet (one row per registration,
/// or one per tranche with the number repeated) and the CNIPA certificates. Every row is checked, the whole file is
/// previewed, and only a file without refusals is imported on confirmation, in one transaction: records created or
/// updated by registration number, certificates stored, the pledge totals moved (as off-platform, by evidence).
/// </summary>
public sealed class PledgeImporter(MarketplaceDb db, TimeProvider clock, AuditLog audit, PledgeTotals totals, TargetsBroadcast dashboards,
    PendingImports pending, IStringLocalizer<SharedResource> t)
{
    public const int MaxCertificates = 500;

    private static readonly ImportColumn[] Columns =
    [
        new("registrationNumber", true, "质押登记号", "登记号", "registrationNumber", "registration number"),
        new("pledgorCreditCode", true, "出质人统一社会信用代码", "统一社会信用代码", "pledgorCreditCode", "credit code"),
        new("pledgorName", true, "出质人", "出质人名称", "pledgorName", "pledgor"),
        new("applicationNumbers", true, "专利申请号", "专利号", "申请号", "applicationNumbers", "patents"),
        new("amount", true, "贷款金额", "融资金额", "金额", "amount"),
        new("registeredOn", true, "登记日期", "登记日", "质押登记日", "registeredOn"),
        new("expiresOn", true, "到期日", "质押到期日", "expiresOn"),
        new("trancheDate", false, "放款日期", "trancheDate", "disbursedOn"),
        new("trancheAmount", false, "放款金额", "trancheAmount", "disbursed"),
        new("certificate", false, "证书文件", "登记证书", "certificate"),
    ];

    private static readonly string[] SameFields = ["pledgorCreditCode", "pledgorName", "applicationNumbers", "amount", "registeredOn", "expiresOn", "certificate"];

    private sealed record Planned(PledgeRegistration Values, IReadOnlyList<int> Rows, ImportedPledge? Existing, UploadedFile? Certificate, ImportAction Action);

    public async Task<ImportResult> PreviewAsync(Guid bank, UploadedFile sheet, IReadOnlyList<UploadedFile> certificates, CancellationToken ct)
    {
        var (result, _) = await PlanAsync(bank, sheet, certificates, ct);
        return result.Valid ? result with { PendingId = await pending.KeepAsync(ImportKind.PledgeRegistrations, bank, sheet, certificates, ct) } : result;
    }

    public async Task<ImportResult> ConfirmAsync(ClaimsPrincipal caller, Guid bank, Guid pendingId, CancellationToken ct)
    {
        var (sheet, certificates) = await pending.TakeAsync(pendingId, ImportKind.PledgeRegistrations, bank, ct);
        await using var unit = await db.Database.BeginUnitOfWorkAsync(ct);
        var (result, records) = await PlanAsync(bank, sheet, certificates, ct);
        if (!result.Valid) return result;
        var now = clock.GetUtcNow();
        var batch = new ImportBatch
        {
            Id = Guid.CreateVersion7(now), Kind = ImportKind.PledgeRegistrations, OrganizationId = bank, FileName = sheet.Name, Sha256 = result.Sha256,
            Rows = result.Rows, Created = result.Created, Updated = result.Updated, Unchanged = result.Unchanged, ImportedByUserId = caller.UserId(),
            ImportedBy = caller.FindFirstValue(ClaimTypes.Email), ImportedAt = now,
        };
        db.ImportBatches.Add(batch);
        foreach (var r in records.Where(r => r.Action is ImportAction.Create or ImportAction.Update))
        {
            var before = r.Existing?.Figures() ?? [];
            var (from, record) = (r.Existing?.Evidence.State, r.Existing ?? ImportedPledge.Create(bank, batch.Id, r.Values, now));
            if (r.Existing is null) db.ImportedPledges.Add(record);
            else record.Update(bank, batch.Id, r.Values, now);
            if (r.Certificate is { } certificate) Attach(caller, record, certificate, now);
            audit.Record(ImportedEvidence.PledgeEntity, record.Id, r.Existing is null ? "Imported" : "ImportUpdated", from?.ToString(), record.Evidence.State.ToString(),
                $"batch {batch.Id}, rows {r.Rows.Min()}–{r.Rows.Max()} ({r.Rows.Count})");
            await db.SaveChangesAsync(ct);
            await totals.ApplyAsync(bank, PledgeFigures.Change(before, record.Figures()), ct);
        }
        audit.Record("ImportBatch", batch.Id, "Imported", null, null, $"{sheet.Name} sha256:{result.Sha256} {result.Created} new, {result.Updated} updated");
        await pending.DropAsync(pendingId, ct);
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        await dashboards.FiguresMovedAsync(TargetsBroadcast.PledgesKind);
        return result with { PendingId = null, BatchId = batch.Id };
    }

    private void Attach(ClaimsPrincipal caller, ImportedPledge record, UploadedFile certificate, DateTimeOffset now)
    {
        var (type, name) = DocumentRules.Check(certificate.Name, certificate.Content.Length, certificate.Content.AsSpan(0, Math.Min(DocumentRules.HeadLength, certificate.Content.Length)));
        var document = new EvidenceDocument
        {
            Id = Guid.CreateVersion7(now), RecordKind = RecordKind.ImportedPledge, RecordId = record.Id, Kind = DocumentKind.PledgeCertificate, FileName = name,
            ContentType = type, Size = certificate.Content.Length, Sha256 = Hash(certificate.Content), UploadedByUserId = caller.UserId(),
            UploadedBy = caller.FindFirstValue(ClaimTypes.Email), UploadedByOrganizationId = caller.OrganizationId(), UploadedAt = now,
        };
        db.EvidenceDocuments.Add(document);
        db.EvidenceBlobs.Add(new EvidenceBlob { DocumentId = document.Id, Content = certificate.Content });
        record.Document(now);
    }

    private async Task<(ImportResult Result, IReadOnlyList<Planned> Records)> PlanAsync(Guid bank, UploadedFile sheet, IReadOnlyList<UploadedFile> certificates,
        CancellationToken ct)
    {
        if (certificates.Count > MaxCertificates) throw new DomainRuleException("certificates", new Text("Send at most {0} certificates at once.", MaxCertificates));
        var (lines, headers) = await ImportSheet.ReadAsync(new MemoryStream(sheet.Content), Columns, ct);
        var rows = new ImportRows(headers, t);
        var today = BusinessCalendar.Today(clock);
        var checkedRecords = new List<(PledgeRegistration Values, RowGroup Group, UploadedFile? Certificate)>();
        var used = new HashSet<UploadedFile>();
        foreach (var group in rows.Group(lines, "registrationNumber", SameFields))
        {
            var values = rows.Check(group.First.Number, () => PledgeRegistration.Check(Row(group), today));
            var certificate = Certificate(rows, group, certificates, used);
            if (values is not null) checkedRecords.Add((values, group, certificate));
        }
        foreach (var unused in certificates.Where(c => !used.Contains(c)))
            rows.Add(0, "certificates", new Text("The certificate {0} belongs to no row of the file.", unused.Name));
        var numbers = checkedRecords.Select(c => c.Values.RegistrationNumber).ToList();
        var existing = await db.ImportedPledges.Where(p => numbers.Contains(p.RegistrationNumber)).ToDictionaryAsync(p => p.RegistrationNumber, ct);
        var onPlatform = await db.PledgeApplications.AsNoTracking().Where(a => a.RegistrationNumber != null && numbers.Contains(a.RegistrationNumber))
            .Select(a => new { a.RegistrationNumber, a.Id }).ToDictionaryAsync(a => a.RegistrationNumber!, a => a.Id, ct);
        var documents = await db.EvidenceDocuments.AsNoTracking().Where(d => d.RecordKind == RecordKind.ImportedPledge).Select(d => new { d.RecordId, d.Sha256 }).ToListAsync(ct);
        var planned = new List<Planned>();
        foreach (var (values, group, certificate) in checkedRecords)
        {
            var first = group.First.Number;
            var found = existing.GetValueOrDefault(values.RegistrationNumber);
            if (found is not null && found.BankOrganizationId != bank)
                rows.Add(first, "registrationNumber", new Text("{0} was imported by another bank (reference {1}, {2}); a registration is counted once.",
                    values.RegistrationNumber, found.BatchId, found.ImportedAt.ToString("yyyy-MM-dd")));
            else if (onPlatform.TryGetValue(values.RegistrationNumber, out var application))
                rows.Add(first, "registrationNumber", new Text("{0} is already counted on the platform (application {1}).", values.RegistrationNumber, application));
            else
            {
                var newCertificate = certificate is not null && (found is null || !documents.Any(d => d.RecordId == found.Id && d.Sha256 == Hash(certificate.Content)));
                var action = found is null ? ImportAction.Create : found.Differs(values) || newCertificate ? ImportAction.Update : ImportAction.Unchanged;
                planned.Add(new Planned(values, group.Lines.Select(l => l.Number).ToList(), found, newCertificate ? certificate : null, action));
            }
        }
        var records = planned.Select(p => new ImportRecord(p.Values.RegistrationNumber, p.Rows, p.Action, p.Values.Amount, p.Values.Tranches.Sum(x => x.Amount),
            p.Certificate?.Name, p.Existing?.Id.ToString())).ToList();
        var result = new ImportResult(null, null, sheet.Name, Hash(sheet.Content), lines.Count, records.Count(r => r.Action == ImportAction.Create),
            records.Count(r => r.Action == ImportAction.Update), records.Count(r => r.Action == ImportAction.Unchanged),
            rows.Problems.Select(p => p.Row).Distinct().Count(), records.Sum(r => r.Counted), records, rows.Problems.OrderBy(p => p.Row).ToList());
        return (result, planned);
    }

    private static PledgeRegistrationRow Row(RowGroup group)
    {
        var first = group.First;
        var tranches = new List<ImportedTranche>();
        var checks = new RuleChecks();
        foreach (var line in group.Lines.Where(l => l["trancheDate"] is not null || l["trancheAmount"] is not null))
        {
            var on = checks.Value(() => ImportSheet.Date(line["trancheDate"], "trancheDate") ?? throw new DomainRuleException("trancheDate", "Give the tranche's date with its amount."));
            var amount = checks.Value(() => ImportSheet.Amount(line["trancheAmount"], "trancheAmount") ?? throw new DomainRuleException("trancheAmount", "Give the tranche's amount with its date."));
            if (on is { } d && amount is { } a) tranches.Add(new ImportedTranche(a, d));
        }
        var amountOfLoan = checks.Value(() => ImportSheet.Amount(first["amount"], "amount") ?? 0m);
        var registered = checks.Value(() => ImportSheet.Date(first["registeredOn"], "registeredOn") ?? default);
        var expires = checks.Value(() => ImportSheet.Date(first["expiresOn"], "expiresOn") ?? default);
        checks.ThrowIfAny();
        return new PledgeRegistrationRow(first["registrationNumber"], first["pledgorCreditCode"], first["pledgorName"], ImportSheet.List(first["applicationNumbers"]),
            amountOfLoan, registered == default ? null : registered, expires == default ? null : expires, tranches);
    }

    /// <summary>The certificate the row names, or else the uploaded file named after the registration number; null (with the
    /// refusal) when it is not a document by its content.</summary>
    private static UploadedFile? Certificate(ImportRows rows, RowGroup group, IReadOnlyList<UploadedFile> certificates, HashSet<UploadedFile> used)
    {
        var named = group.First["certificate"];
        var file = named is not null
            ? certificates.FirstOrDefault(c => string.Equals(c.Name, named, StringComparison.OrdinalIgnoreCase))
            : certificates.FirstOrDefault(c => ImportRows.Key(Path.GetFileNameWithoutExtension(c.Name)) == group.Key);
        if (file is null)
        {
            if (named is not null) rows.Add(group.First.Number, "certificate", new Text("No certificate named {0} was uploaded.", named));
            return null;
        }
        used.Add(file);
        var head = file.Content.AsSpan(0, Math.Min(DocumentRules.HeadLength, file.Content.Length)).ToArray();
        return rows.Check(group.First.Number, () => (object)DocumentRules.Check(file.Name, file.Content.Length, head, "certificate")) is null ? null : file;
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
