using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Patents;

/// <summary>A recorded deal puts the patent to use (a sleeping patent wakes, for good); a recorded transfer or equity
/// contribution also makes the buyer the patent's sole owner and manager, in the transaction that records the deal.</summary>
public sealed class TransferOnDealRecorded(MarketplaceDb db, AuditLog audit, TimeProvider clock) : IDomainEventHandler<DealRecorded>
{
    public async Task HandleAsync(DealRecorded recorded, CancellationToken ct)
    {
        var patent = await db.Patents.SingleAsync(p => p.Id == recorded.PatentId, ct);
        var now = clock.GetUtcNow();
        patent.MarkPutToUse(Domain.Common.BusinessCalendar.ChinaDate(now), now);
        if (!recorded.MovesOwnership) return;
        patent.TransferTo(recorded.BuyerOrganizationId, now);
        audit.Record(PatentService.AuditEntity, patent.Id, "Transferred", null, null, $"deal {recorded.DealId}");
    }
}
