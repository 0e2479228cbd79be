using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>Moves the deal totals by one deal's change, inside the caller's open transaction.</summary>
public sealed class DealTotals(MarketplaceDb db)
{
    /// <summary>What a deal contributes now: nothing unless signed and not cancelled.</summary>
    public static (int Year, DealCategory Category, decimal Contracted, decimal Received, int Deals)? Contribution(Deal deal) =>
        deal.CountedYear is { } year ? (year, deal.Category, deal.ContractAmount, deal.Received, 1) : null;

    /// <summary>Applies the difference between a deal's contribution before and after a change (an additive upsert,
    /// so concurrent changes in the same year queue on the row lock instead of conflicting).</summary>
    public async Task MoveAsync((int Year, DealCategory Category, decimal Contracted, decimal Received, int Deals)? before, Deal after, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Totals move only inside the transaction of the change they count.");
        if (before is { } b) await AddAsync(b.Year, b.Category, -b.Contracted, -b.Received, -b.Deals, ct);
        if (Contribution(after) is { } a) await AddAsync(a.Year, a.Category, a.Contracted, a.Received, a.Deals, ct);
    }

    private Task AddAsync(int year, DealCategory category, decimal contracted, decimal received, int deals, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO deal_totals (year, category, contracted, received, deals) VALUES ({year}, {category.ToString()}, {contracted}, {received}, {deals})
            ON CONFLICT (year, category) DO UPDATE SET contracted = deal_totals.contracted + excluded.contracted,
                received = deal_totals.received + excluded.received, deals = deal_totals.deals + excluded.deals
            """, ct);
}
