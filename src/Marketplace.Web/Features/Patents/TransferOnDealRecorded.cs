using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Patents;

/// <summary>A recorded transfer or equity contribution makes the buyer the patent's sole owner and manager, in the
/// transaction that records the deal.</summary>
public sealed class TransferOnDealRecorded(MarketplaceDb db, AuditLog audit, TimeProvider clock) : IDomainEventHandler<DealRecorded>
{
    public async Task HandleAsync(DealRecorded recorded, CancellationToken ct)
    {
        if (!recorded.MovesOwnership) return;
        var patent = await db.Patents.SingleAsync(p => p.Id == recorded.PatentId, ct);
        patent.TransferTo(recorded.BuyerOrganizationId, clock.GetUtcNow());
        audit.Record(PatentService.AuditEntity, patent.Id, "Transferred", null, null, $"deal {recorded.DealId}");
    }
}
