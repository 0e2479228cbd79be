using Marketplace.Domain.Deals;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// The totals recomputed from the records: the check that the kept totals are right (tests, the benchmark's
/// per-request baseline) and the rebuild after the owner or industry groups change or a migration.
/// </summary>
public sealed class TargetsRecount(MarketplaceDb db, TargetGroups groups)
{
    private static readonly DealStatus[] Counted = [DealStatus.Signed, DealStatus.Recorded, DealStatus.Completed];

    /// <summary>Contracted, received and deal count per signing year, summed over the deals themselves.</summary>
    public async Task<List<(int Year, decimal Contracted, decimal Received, int Deals)>> SumDealsAsync(CancellationToken ct) =>
        (await db.Deals.AsNoTracking().Where(d => Counted.Contains(d.Status) && d.ContractDate != null)
            .GroupBy(d => d.ContractDate!.Value.Year)
            .Select(g => new { Year = g.Key, Contracted = g.Sum(d => d.ContractAmount), Received = g.Sum(d => d.Received), Deals = g.Count() })
            .OrderBy(g => g.Year).ToListAsync(ct))
        .Select(g => (g.Year, g.Contracted, g.Received, g.Deals)).ToList();

    /// <summary>Disbursed amounts per year of the tranche, summed over the applications' tranches.</summary>
    public async Task<List<(int Year, decimal Disbursed)>> SumDisbursedAsync(CancellationToken ct) =>
        (await db.Database.SqlQuery<YearAmount>($"""
            SELECT extract(year FROM (t->>'on')::date)::int AS "Year", sum((t->>'amount')::numeric) AS "Amount"
            FROM pledge_applications, jsonb_array_elements(disbursements) AS t
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
        var dealRows = new Dictionary<(int, int, DealCategory, string, string), (decimal C, decimal R, int N)>();
        var owners = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => groups.OwnerOf(o.Id, o.NameZh, o.Type), ct);
        await foreach (var deal in db.Deals.AsNoTracking().Where(d => Counted.Contains(d.Status)).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (deal.Contribution is not { } c) continue;
            var key = (c.Year, c.Month, c.Category, owners[deal.SellerOrganizationId], deal.PatentId.ToString());
            var sum = dealRows.GetValueOrDefault(key);
            dealRows[key] = (sum.C + c.Contracted, sum.R + c.Received, sum.N + 1);
        }
        var patentIds = dealRows.Keys.Select(k => Guid.Parse(k.Item5)).Distinct().ToList();
        var ipc = await db.Patents.AsNoTracking().Where(p => patentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id.ToString(), p => p.MainIpc, ct);
        foreach (var g in dealRows.GroupBy(r => (r.Key.Item1, r.Key.Item2, r.Key.Item3, r.Key.Item4, groups.IndustryOf(ipc[r.Key.Item5]))))
            db.DealTotals.Add(new DealTotal
            {
                Year = g.Key.Item1, Month = g.Key.Item2, Category = g.Key.Item3, Owner = g.Key.Item4, Industry = g.Key.Item5,
                Contracted = g.Sum(r => r.Value.C), Received = g.Sum(r => r.Value.R), Deals = g.Sum(r => r.Value.N),
            });
        var pledgeRows = new Dictionary<(int, int, Guid), (decimal D, decimal U)>();
        await foreach (var application in db.PledgeApplications.AsNoTracking().Where(a => a.ApprovedOn != null).AsAsyncEnumerable().WithCancellation(ct))
        foreach (var f in PledgeFigures.Of(application))
        {
            var sum = pledgeRows.GetValueOrDefault((f.Year, f.Month, application.BankOrganizationId));
            pledgeRows[(f.Year, f.Month, application.BankOrganizationId)] = (sum.D + f.Disbursed, sum.U + f.ApprovedNotDisbursed);
        }
        foreach (var ((year, month, bank), (disbursed, undrawn)) in pledgeRows)
            db.PledgeTotals.Add(new PledgeTotal { Year = year, Month = month, BankOrganizationId = bank, Disbursed = disbursed, ApprovedNotDisbursed = undrawn });
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
    }
}
