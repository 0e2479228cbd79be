using System.Security.Claims;
using System.Security.Cryptography;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Common;
using Marketplace.Domain.OffPlatform;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Platform.Localization;
using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.OffPlatform;

/// <summary>
/// The park office brings in the technology-contract registrations of park entities from the registry's export
/// (licences, transfers, equity contributions with amounts and dates). Checked and previewed like a bank's pledges;
/// a registration number already counted as a platform deal is refused with the deal's reference, so no contract
/// counts twice. Counted in the deal figures as off-platform, by the seller's owner group and the patents' industry.
/// </summary>
public sealed class ContractImporter(MarketplaceDb db, TimeProvider clock, AuditLog audit, DealTotals totals, TargetGroups groups, TargetsBroadcast dashboards,
    PendingImports pending, IStringLocalizer<SharedResource> t)
{
    private static readonly ImportColumn[] Columns =
    [
        new("registrationNumber", true, "技术合同登记号", "合同登记号", "登记号", "registrationNumber", "registration number"),
        new("kind", true, "合同类别", "合同类型", "技术交易方式", "kind", "type"),
        new("sellerName", true, "卖方", "卖方名称", "转让方", "许可方", "sellerName", "seller"),
        new("sellerCreditCode", true, "卖方统一社会信用代码", "卖方信用代码", "sellerCreditCode"),
        new("buyerName", true, "买方", "买方名称", "受让方", "被许可方", "buyerName", "buyer"),
        new("buyerCreditCode", true, "买方统一社会信用代码", "买方信用代码", "buyerCreditCode"),
        new("applicationNumbers", false, "专利申请号", "专利号", "applicationNumbers", "patents"),
        new("amount", true, "合同金额", "成交金额", "合同成交额", "amount"),
        new("contractDate", true, "合同签订日期", "签订日期", "合同日期", "contractDate"),
        new("registeredOn", true, "登记日期", "认定登记日期", "registeredOn"),
    ];

    private static readonly string[] SameFields = ["kind", "sellerName", "sellerCreditCode", "buyerName", "buyerCreditCode", "applicationNumbers", "amount", "contractDate", "registeredOn"];

    private sealed record Planned(ContractRegistration Values, string Owner, string Industry, IReadOnlyList<int> Rows, ImportedContract? Existing, ImportAction Action);

    public async Task<ImportResult> PreviewAsync(Guid office, UploadedFile sheet, CancellationToken ct)
    {
        var (result, _) = await PlanAsync(sheet, ct);
        return result.Valid ? result with { PendingId = await pending.KeepAsync(ImportKind.ContractRegistrations, office, sheet, [], ct) } : result;
    }

    public async Task<ImportResult> ConfirmAsync(ClaimsPrincipal caller, Guid office, Guid pendingId, CancellationToken ct)
    {
        var (sheet, _) = await pending.TakeAsync(pendingId, ImportKind.ContractRegistrations, office, ct);
        await using var unit = await db.Database.BeginUnitOfWorkAsync(ct);
        var (result, records) = await PlanAsync(sheet, ct);
        if (!result.Valid) return result;
        var now = clock.GetUtcNow();
        var batch = new ImportBatch
        {
            Id = Guid.CreateVersion7(now), Kind = ImportKind.ContractRegistrations, OrganizationId = office, FileName = sheet.Name, Sha256 = result.Sha256,
            Rows = result.Rows, Created = result.Created, Updated = result.Updated, Unchanged = result.Unchanged, ImportedByUserId = caller.UserId(),
            ImportedBy = caller.FindFirstValue(ClaimTypes.Email), ImportedAt = now,
        };
        db.ImportBatches.Add(batch);
        foreach (var r in records.Where(r => r.Action is ImportAction.Create or ImportAction.Update))
        {
            var before = r.Existing is { } old ? (old.Contribution, old.Owner, old.Industry, (Domain.Evidence.EvidenceState?)old.Evidence.State) : default;
            var record = r.Existing ?? ImportedContract.Create(batch.Id, r.Values, r.Owner, r.Industry, now);
            if (r.Existing is null) db.ImportedContracts.Add(record);
            else record.Update(batch.Id, r.Values, r.Owner, r.Industry, now);
            audit.Record(ImportedEvidence.ContractEntity, record.Id, r.Existing is null ? "Imported" : "ImportUpdated", before.Item4?.ToString(),
                record.Evidence.State.ToString(), $"batch {batch.Id}, rows {r.Rows.Min()}–{r.Rows.Max()} ({r.Rows.Count})");
            await db.SaveChangesAsync(ct);
            if (r.Existing is not null) await totals.MoveAsync(before.Contribution, null, before.Owner, before.Industry, ct);
            await totals.MoveAsync(null, record.Contribution, record.Owner, record.Industry, ct);
        }
        audit.Record("ImportBatch", batch.Id, "Imported", null, null, $"{sheet.Name} sha256:{result.Sha256} {result.Created} new, {result.Updated} updated");
        await pending.DropAsync(pendingId, ct);
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        await dashboards.FiguresMovedAsync(TargetsBroadcast.DealsKind);
        return result with { PendingId = null, BatchId = batch.Id };
    }

    private async Task<(ImportResult Result, IReadOnlyList<Planned> Records)> PlanAsync(UploadedFile sheet, CancellationToken ct)
    {
        var (lines, headers) = await ImportSheet.ReadAsync(new MemoryStream(sheet.Content), Columns, ct);
        var rows = new ImportRows(headers, t);
        var today = BusinessCalendar.Today(clock);
        var checkedRecords = new List<(ContractRegistration Values, RowGroup Group)>();
        foreach (var group in rows.Group(lines, "registrationNumber", SameFields))
        {
            var first = group.First;
            var values = rows.Check(first.Number, () => ContractRegistration.Check(new ContractRegistrationRow(first["registrationNumber"], first["kind"],
                first["sellerName"], first["sellerCreditCode"], first["buyerName"], first["buyerCreditCode"], ImportSheet.List(first["applicationNumbers"]),
                ImportSheet.Amount(first["amount"], "amount"), ImportSheet.Date(first["contractDate"], "contractDate"), ImportSheet.Date(first["registeredOn"], "registeredOn")), today));
            if (values is not null) checkedRecords.Add((values, group));
        }
        var numbers = checkedRecords.Select(c => c.Values.RegistrationNumber).ToList();
        var existing = await db.ImportedContracts.Where(c => numbers.Contains(c.RegistrationNumber)).ToDictionaryAsync(c => c.RegistrationNumber, ct);
        var deals = await db.Deals.AsNoTracking().Where(d => d.RegistrationNumber != null && numbers.Contains(d.RegistrationNumber) && d.Status != DealStatus.Cancelled)
            .Select(d => new { d.RegistrationNumber, d.Id }).ToDictionaryAsync(d => d.RegistrationNumber!, d => d.Id, ct);
        var codes = checkedRecords.Select(c => c.Values.SellerCreditCode).Distinct().ToList();
        var sellers = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.CreditCode)).ToDictionaryAsync(o => o.CreditCode, o => (o.Id, o.NameZh, o.Type), ct);
        var patentNumbers = checkedRecords.SelectMany(c => c.Values.ApplicationNumbers).Distinct().ToList();
        var ipc = await db.Patents.AsNoTracking().Where(p => patentNumbers.Contains(p.ApplicationNumber)).ToDictionaryAsync(p => p.ApplicationNumber, p => p.MainIpc, ct);
        var planned = new List<Planned>();
        foreach (var (values, group) in checkedRecords)
        {
            if (deals.TryGetValue(values.RegistrationNumber, out var deal))
            {
                rows.Add(group.First.Number, "registrationNumber", new Domain.Common.Text("{0} is already counted as a deal on the platform ({1}).", values.RegistrationNumber, deal));
                continue;
            }
            var (id, name, type) = sellers.TryGetValue(values.SellerCreditCode, out var known) ? known : (Guid.Empty, values.SellerName, TypeOf(values.SellerCreditCode));
            var owner = groups.OwnerOf(id, name, type);
            var industry = values.ApplicationNumbers.Select(n => ipc.GetValueOrDefault(n)).FirstOrDefault(c => c is not null) is { } main
                ? groups.IndustryOf(main) : TargetGroups.OtherIndustry;
            var found = existing.GetValueOrDefault(values.RegistrationNumber);
            var action = found is null ? ImportAction.Create : found.Differs(values, owner, industry) ? ImportAction.Update : ImportAction.Unchanged;
            planned.Add(new Planned(values, owner, industry, group.Lines.Select(l => l.Number).ToList(), found, action));
        }
        var records = planned.Select(p => new ImportRecord(p.Values.RegistrationNumber, p.Rows, p.Action, p.Values.Amount, p.Values.Amount, null, p.Existing?.Id.ToString())).ToList();
        var result = new ImportResult(null, null, sheet.Name, Convert.ToHexStringLower(SHA256.HashData(sheet.Content)), lines.Count,
            records.Count(r => r.Action == ImportAction.Create), records.Count(r => r.Action == ImportAction.Update), records.Count(r => r.Action == ImportAction.Unchanged),
            rows.Problems.Select(p => p.Row).Distinct().Count(), records.Sum(r => r.Counted), records, rows.Problems.OrderBy(p => p.Row).ToList());
        return (result, planned);
    }

    /// <summary>A party not registered on the platform: its credit code's first character is the registering authority
    /// (GB 32100: 9 market regulation — companies; 1 institutional — public institutions such as universities).</summary>
    private static OrganizationType TypeOf(string creditCode) => creditCode[0] == '9' ? OrganizationType.Enterprise : OrganizationType.University;
}
