using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>What a deal contributes to the kept totals; owner group and industry are resolved when it is moved.</summary>
public readonly record struct DealContribution(int Year, int Month, DealCategory Category, decimal Contracted, decimal Received, int Deals);

/// <summary>Moves the deal totals by one deal's change, inside the caller's open transaction.</summary>
public sealed class DealTotals(MarketplaceDb db, TargetGroups groups)
{
    /// <summary>What a deal contributes now: nothing unless signed and not cancelled.</summary>
    public static DealContribution? Contribution(Deal deal) =>
        deal.CountedYear is { } year ? new DealContribution(year, deal.ContractDate!.Value.Month, deal.Category, deal.ContractAmount, deal.Received, 1) : null;

    /// <summary>Applies the difference between a deal's contribution before and after a change (an additive upsert,
    /// so concurrent changes in the same month queue on the row lock instead of conflicting).</summary>
    public async Task MoveAsync(DealContribution? before, Deal after, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Totals move only inside the transaction of the change they count.");
        var now = Contribution(after);
        if (before == now) return;
        // A deal's seller and patent never change, so before and after share one owner group and industry.
        var (owner, industry) = await groups.OfDealAsync(after.SellerOrganizationId, after.PatentId, ct);
        if (before is { } b) await AddAsync(b with { Contracted = -b.Contracted, Received = -b.Received, Deals = -b.Deals }, owner, industry, ct);
        if (now is { } a) await AddAsync(a, owner, industry, ct);
    }

    private Task AddAsync(DealContribution c, string owner, string industry, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO deal_totals (year, month, category, owner, industry, contracted, received, deals)
            VALUES ({c.Year}, {c.Month}, {c.Category.ToString()}, {owner}, {industry}, {c.Contracted}, {c.Received}, {c.Deals})
            ON CONFLICT (year, month, category, owner, industry) DO UPDATE SET contracted = deal_totals.contracted + excluded.contracted,
                received = deal_totals.received + excluded.received, deals = deal_totals.deals + excluded.deals
            """, ct);
}
