using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Needs;

/// <summary>A deal agreed in a room opened for a technology need satisfies that need: it is marked matched in the
/// deal's transaction (if it is still open).</summary>
public sealed class MatchedOnDealCreated(MarketplaceDb db, AuditLog audit, TimeProvider clock) : IDomainEventHandler<DealCreated>
{
    public async Task HandleAsync(DealCreated created, CancellationToken ct)
    {
        if (created.NeedId is not { } needId) return;
        var today = BusinessCalendar.Today(clock);
        if (await db.Needs.SingleOrDefaultAsync(n => n.Id == needId, ct) is not { } need || !need.IsOpenOn(today)) return;
        need.MarkMatched(today, clock.GetUtcNow());
        audit.Record(NeedService.AuditEntity, need.Id, "Matched", NeedStatus.Open.ToString(), need.Status.ToString(), $"deal {created.DealId}");
    }
}
