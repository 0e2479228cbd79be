using Marketplace.Domain.Deals;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Pledges;
using Marketplace.Domain.Targets;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// The totals recomputed from the records — deals and imported contract registrations, pledge applications and
/// imported pledge registrations: the check that the kept totals are right (tests, the benchmark's per-request
/// baseline) and the rebuild after the owner or industry groups change or a migration.
/// </summary>
public sealed class TargetsRecount(MarketplaceDb db, TargetGroups groups)
{
    private static readonly DealStatus[] Counted = [DealStatus.Signed, DealStatus.Recorded, DealStatus.Completed];

    /// <summary>Contracted, received and deal count per signing year, summed over the records themselves.</summary>
    public async Task<List<(int Year, decimal Contracted, decimal Received, int Deals)>> SumDealsAsync(CancellationToken ct)
    {
        var deals = await db.Deals.AsNoTracking().Where(d => Counted.Contains(d.Status) && d.ContractDate != null)
            .GroupBy(d => d.ContractDate!.Value.Year)
            .Select(g => new { Year = g.Key, Contracted = g.Sum(d => d.ContractAmount), Received = g.Sum(d => d.Received), Deals = g.Count() }).ToListAsync(ct);
        var imported = await db.ImportedContracts.AsNoTracking().GroupBy(c => c.ContractDate.Year)
            .Select(g => new { Year = g.Key, Contracted = g.Sum(c => c.Amount), Received = 0m, Deals = g.Count() }).ToListAsync(ct);
        return deals.Concat(imported).GroupBy(g => g.Year).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(x => x.Contracted), g.Sum(x => x.Received), g.Sum(x => x.Deals))).ToList();
    }

    /// <summary>Disbursed amounts per year of the tranche, summed over the applications' and the imported registrations' tranches.</summary>
    public async Task<List<(int Year, decimal Disbursed)>> SumDisbursedAsync(CancellationToken ct) =>
        (await db.Database.SqlQuery<YearAmount>($"""
            SELECT extract(year FROM (t->>'on')::date)::int AS "Year", sum((t->>'amount')::numeric) AS "Amount"
            FROM (SELECT jsonb_array_elements(disbursements) AS t FROM pledge_applications
                  UNION ALL SELECT jsonb_array_elements(tranches) FROM imported_pledges) AS tranche
            GROUP BY 1 ORDER BY 1
            """).ToListAsync(ct))
        .Select(r => (r.Year, r.Amount)).ToList();

    private sealed record YearAmount(int Year, decimal Amount);

    /// <summary>Replaces the kept totals with the sums of the records, in the caller's transaction or its own; the
    /// tables are locked meanwhile so no change moves totals that are being replaced.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        await using var unit = await db.Database.BeginUnitOfWorkAsync(ct);
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE deal_totals, pledge_totals IN EXCLUSIVE MODE; DELETE FROM deal_totals; DELETE FROM pledge_totals;", ct);
        var cells = new Dictionary<(int, int, DealCategory, string, string, RecordSource, EvidenceState), (decimal C, decimal R, int N)>();
        void Add(DealContribution c, string owner, string industry)
        {
            foreach (var (evidence, contracted, received, deals) in c.Cells())
            {
                var key = (c.Year, c.Month, c.Category, owner, industry, c.Source, evidence);
                var sum = cells.GetValueOrDefault(key);
                cells[key] = (sum.C + contracted, sum.R + received, sum.N + deals);
            }
        }
        var owners = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => groups.OwnerOf(o.Id, o.NameZh, o.Type), ct);
        var ipc = await db.Patents.AsNoTracking().Where(p => db.Deals.Any(d => d.PatentId == p.Id)).ToDictionaryAsync(p => p.Id, p => p.MainIpc, ct);
        await foreach (var deal in db.Deals.AsNoTracking().Include(d => d.Instalments).Where(d => Counted.Contains(d.Status)).AsAsyncEnumerable().WithCancellation(ct))
            if (deal.Contribution is { } c) Add(c, owners[deal.SellerOrganizationId], groups.IndustryOf(ipc[deal.PatentId]));
        await foreach (var contract in db.ImportedContracts.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            Add(contract.Contribution, contract.Owner, contract.Industry);
        foreach (var ((year, month, category, owner, industry, source, evidence), (c, r, n)) in cells.Where(x => x.Value != default))
            db.DealTotals.Add(new DealTotal
            {
                Year = year, Month = month, Category = category, Owner = owner, Industry = industry, Source = source, Evidence = evidence,
                Contracted = c, Received = r, Deals = n,
            });

        var pledgeRows = new Dictionary<(int, int, Guid, RecordSource, EvidenceState), (decimal D, decimal U)>();
        void AddLoan(Guid bank, IEnumerable<MonthFigures> figures)
        {
            foreach (var f in figures)
            {
                var key = (f.Year, f.Month, bank, f.Source, f.Evidence);
                var sum = pledgeRows.GetValueOrDefault(key);
                pledgeRows[key] = (sum.D + f.Disbursed, sum.U + f.ApprovedNotDisbursed);
            }
        }
        await foreach (var application in db.PledgeApplications.AsNoTracking().Where(a => a.ApprovedOn != null).AsAsyncEnumerable().WithCancellation(ct))
            AddLoan(application.BankOrganizationId, PledgeFigures.Of(application));
        await foreach (var imported in db.ImportedPledges.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
            AddLoan(imported.BankOrganizationId, imported.Figures());
        foreach (var ((year, month, bank, source, evidence), (disbursed, undrawn)) in pledgeRows.Where(x => x.Value != default))
            db.PledgeTotals.Add(new PledgeTotal
            {
                Year = year, Month = month, BankOrganizationId = bank, Source = source, Evidence = evidence, Disbursed = disbursed, ApprovedNotDisbursed = undrawn,
            });
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
    }
}
