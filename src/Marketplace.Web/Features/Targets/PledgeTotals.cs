using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>Moves the yearly totals by an application's change, inside the caller's open transaction.</summary>
public sealed class PledgeTotals(MarketplaceDb db)
{
    /// <summary>
    /// An additive upsert rather than read-modify-write: two loans changing in the same year then queue on the
    /// row lock instead of one failing with a spurious conflict.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<YearFigures> change, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Totals move only inside the transaction of the change they count.");
        foreach (var (year, disbursed, undrawn) in change)
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO pledge_totals (year, disbursed, approved_not_disbursed) VALUES ({year}, {disbursed}, {undrawn})
                ON CONFLICT (year) DO UPDATE SET disbursed = pledge_totals.disbursed + excluded.disbursed,
                    approved_not_disbursed = pledge_totals.approved_not_disbursed + excluded.approved_not_disbursed
                """, ct);
    }
}
