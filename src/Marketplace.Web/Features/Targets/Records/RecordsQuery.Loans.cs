using System.Runtime.CompilerServices;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Targets;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets.Records;

/// <summary>The loan tranches and the imported contract registrations behind the figures.</summary>
public sealed partial class RecordsQuery
{
    /// <summary>The tranches that make "disbursed", by payment date, with the CNIPA pledge registration as evidence:
    /// the applications' first, then the banks' imported registrations.</summary>
    public async IAsyncEnumerable<LoanRecord> LoansAsync(RecordFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var (from, to) = filter.Period();
        var names = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.NameZh, ct);
        var documents = (await db.EvidenceDocuments.AsNoTracking().Where(d => d.RecordKind == RecordKind.Tranche || d.RecordKind == RecordKind.ImportedPledge)
                .GroupBy(d => new { d.RecordId, d.Tranche }).Select(g => new { g.Key.RecordId, g.Key.Tranche, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(d => (d.RecordId, d.Tranche), d => d.Count);
        if (filter.Source is null or RecordSource.Platform)
        {
            var query = db.PledgeApplications.AsNoTracking().Where(a => a.DisbursedAmount > 0)
                .Where(a => filter.Bank == null || a.BankOrganizationId == filter.Bank).OrderBy(a => a.Id);
            await foreach (var a in query.AsAsyncEnumerable().WithCancellation(ct))
                for (var n = 1; n <= a.Disbursements.Count; n++)
                {
                    var t = a.Disbursements[n - 1];
                    if (t.On < from || t.On > to || !filter.Admits(t.Evidence.State, RecordSource.Platform)) continue;
                    yield return new LoanRecord(a.Id, n, t.On, t.Amount, a.BankOrganizationId, names[a.BankOrganizationId], names[a.ApplicantOrganizationId],
                        a.RegistrationNumber, a.RegisteredOn, a.ApprovedAmount ?? 0, a.Status, RecordSource.Platform, t.Evidence.State, t.Evidence.VerifiedBy,
                        t.Evidence.VerifiedAt, documents.GetValueOrDefault((a.Id, n)));
                }
        }
        var imported = db.ImportedPledges.AsNoTracking().Where(p => filter.Bank == null || p.BankOrganizationId == filter.Bank).OrderBy(p => p.RegisteredOn).ThenBy(p => p.Id);
        await foreach (var p in imported.AsAsyncEnumerable().WithCancellation(ct))
            for (var n = 1; n <= p.Tranches.Count; n++)
            {
                var t = p.Tranches[n - 1];
                if (t.On < from || t.On > to || !filter.Admits(p.Evidence.State, RecordSource.ImportedByBank)) continue;
                yield return new LoanRecord(p.Id, n, t.On, t.Amount, p.BankOrganizationId, names[p.BankOrganizationId], p.PledgorName, p.RegistrationNumber,
                    p.RegisteredOn, p.Amount, null, RecordSource.ImportedByBank, p.Evidence.State, p.Evidence.VerifiedBy, p.Evidence.VerifiedAt,
                    documents.GetValueOrDefault((p.Id, (int?)null)));
            }
    }

    /// <summary>Imported technology-contract registrations of the period, as deal records (no payments: the registry knows none).</summary>
    private async IAsyncEnumerable<DealRecord> ImportedContractsAsync(MarketplaceDb lookup, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct)
    {
        var contracts = db.ImportedContracts.AsNoTracking().Where(c => c.ContractDate >= from && c.ContractDate <= to).OrderBy(c => c.ContractDate).ThenBy(c => c.Id);
        await foreach (var batch in contracts.AsAsyncEnumerable().Chunk(Batch).WithCancellation(ct))
        {
            var ids = batch.Select(c => c.Id).ToList();
            var documents = await lookup.EvidenceDocuments.AsNoTracking().Where(d => d.RecordKind == RecordKind.ImportedContract && ids.Contains(d.RecordId))
                .GroupBy(d => d.RecordId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            foreach (var c in batch)
                yield return new DealRecord(c.Id, c.ContractDate, c.Category, c.Owner, c.Industry, string.Join(" ", c.ApplicationNumbers), "", c.SellerName,
                    c.BuyerName, c.Amount, 0m, null, c.RegistrationNumber, null, null, RecordSource.ImportedRegistry, c.Evidence.State, c.Evidence.VerifiedBy,
                    c.Evidence.VerifiedAt, documents.GetValueOrDefault(c.Id));
        }
    }
}
