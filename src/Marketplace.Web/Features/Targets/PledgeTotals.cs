using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>Moves the monthly per-bank totals by a loan's change (an application's or an imported registration's),
/// inside the caller's open transaction.</summary>
public sealed class PledgeTotals(MarketplaceDb db)
{
    /// <summary>
    /// An additive upsert rather than read-modify-write: two loans changing in the same month then queue on the
    /// row lock instead of one failing with a spurious conflict.
    /// </summary>
    public async Task ApplyAsync(Guid bankOrganizationId, IReadOnlyList<MonthFigures> change, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Totals move only inside the transaction of the change they count.");
        foreach (var (year, month, source, evidence, disbursed, undrawn) in change)
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO pledge_totals (year, month, bank_organization_id, source, evidence, disbursed, approved_not_disbursed)
                VALUES ({year}, {month}, {bankOrganizationId}, {source.ToString()}, {evidence.ToString()}, {disbursed}, {undrawn})
                ON CONFLICT (year, month, bank_organization_id, source, evidence) DO UPDATE SET disbursed = pledge_totals.disbursed + excluded.disbursed,
                    approved_not_disbursed = pledge_totals.approved_not_disbursed + excluded.approved_not_disbursed
                """, ct);
    }
}
