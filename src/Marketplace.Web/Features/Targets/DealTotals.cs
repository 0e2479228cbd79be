using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// Moves the kept deal totals by the difference one deal's change makes (signed, cancelled, money received or
/// refunded, evidence documented or verified), inside the transaction of that change: whichever path changed the
/// deal — a party's step, a confirmed bank transfer, a Stripe event, the park office's verification — the figures
/// follow from the one event the deal raised.
/// </summary>
public sealed class DealTotals(MarketplaceDb db, TargetGroups groups, TargetsBroadcast dashboards, Notifier notifier)
    : IDomainEventHandler<DealCountChanged>
{
    public async Task HandleAsync(DealCountChanged changed, CancellationToken ct)
    {
        // A deal's seller and patent never change, so before and after share one owner group and industry.
        var (owner, industry) = await groups.OfDealAsync(changed.SellerOrganizationId, changed.PatentId, ct);
        await MoveAsync(changed.Before, changed.After, owner, industry, ct);
        var sums = (changed.Before is { } b ? (b.Contracted, b.Received, b.Deals) : default,
            changed.After is { } a ? (a.Contracted, a.Received, a.Deals) : default);
        db.AfterCommit(async () =>
        {
            await dashboards.FiguresMovedAsync(TargetsBroadcast.DealsKind);
            // Evidence moving between states changes no figure the park office is told about.
            if (sums.Item1 != sums.Item2)
                await notifier.ToParkOfficeAsync(new Notice(TargetsBroadcast.DealsKind, "Deal figures have changed.", "/Targets"));
        });
    }

    /// <summary>Takes <paramref name="before"/> out of the totals and puts <paramref name="after"/> in, cell by cell.</summary>
    public async Task MoveAsync(DealContribution? before, DealContribution? after, string owner, string industry, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Totals move only inside the transaction of the change they count.");
        if (before is { } b) await AddAsync(b.Negated(), owner, industry, ct);
        if (after is { } a) await AddAsync(a, owner, industry, ct);
    }

    // An additive upsert, so concurrent changes in the same month queue on the row lock instead of conflicting.
    private async Task AddAsync(DealContribution c, string owner, string industry, CancellationToken ct)
    {
        foreach (var (evidence, contracted, received, deals) in c.Cells())
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO deal_totals (year, month, category, owner, industry, source, evidence, contracted, received, deals)
                VALUES ({c.Year}, {c.Month}, {c.Category.ToString()}, {owner}, {industry}, {c.Source.ToString()}, {evidence.ToString()}, {contracted}, {received}, {deals})
                ON CONFLICT (year, month, category, owner, industry, source, evidence) DO UPDATE SET contracted = deal_totals.contracted + excluded.contracted,
                    received = deal_totals.received + excluded.received, deals = deal_totals.deals + excluded.deals
                """, ct);
    }
}
