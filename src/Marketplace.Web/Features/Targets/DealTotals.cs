using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// Moves the kept deal totals by the difference one deal's change makes (signed, cancelled, money received or
/// refunded), inside the transaction of that change: whichever path changed the deal — a party's step, a
/// confirmed bank transfer, a Stripe event — the figures follow from the one event the deal raised.
/// </summary>
public sealed class DealTotals(MarketplaceDb db, TargetGroups groups, TargetsBroadcast dashboards, Notifier notifier)
    : IDomainEventHandler<DealCountChanged>
{
    public async Task HandleAsync(DealCountChanged changed, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Totals move only inside the transaction of the change they count.");
        // A deal's seller and patent never change, so before and after share one owner group and industry.
        var (owner, industry) = await groups.OfDealAsync(changed.SellerOrganizationId, changed.PatentId, ct);
        if (changed.Before is { } b) await AddAsync(b with { Contracted = -b.Contracted, Received = -b.Received, Deals = -b.Deals }, owner, industry, ct);
        if (changed.After is { } a) await AddAsync(a, owner, industry, ct);
        db.AfterCommit(async () =>
        {
            await dashboards.FiguresMovedAsync(TargetsBroadcast.DealsKind);
            await notifier.ToParkOfficeAsync(new Notice(TargetsBroadcast.DealsKind, "Deal figures have changed.", "/Targets"));
        });
    }

    // An additive upsert, so concurrent changes in the same month queue on the row lock instead of conflicting.
    private Task AddAsync(DealContribution c, string owner, string industry, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO deal_totals (year, month, category, owner, industry, contracted, received, deals)
            VALUES ({c.Year}, {c.Month}, {c.Category.ToString()}, {owner}, {industry}, {c.Contracted}, {c.Received}, {c.Deals})
            ON CONFLICT (year, month, category, owner, industry) DO UPDATE SET contracted = deal_totals.contracted + excluded.contracted,
                received = deal_totals.received + excluded.received, deals = deal_totals.deals + excluded.deals
            """, ct);
}
