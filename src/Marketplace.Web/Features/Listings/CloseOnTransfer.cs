using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>Once a transfer or equity contribution is recorded the seller no longer owns what it offers: its
/// published listings of the patent close, in the transaction that records the deal.</summary>
public sealed class CloseOnTransfer(MarketplaceDb db, AuditLog audit, TimeProvider clock) : IDomainEventHandler<DealRecorded>
{
    public async Task HandleAsync(DealRecorded recorded, CancellationToken ct)
    {
        if (!recorded.MovesOwnership) return;
        var now = clock.GetUtcNow();
        foreach (var listing in await db.Listings.Where(l => l.PatentId == recorded.PatentId && l.OrganizationId == recorded.SellerOrganizationId
                     && l.Status == ListingStatus.Published).ToListAsync(ct))
        {
            listing.Close(now);
            audit.Record(ListingService.AuditEntity, listing.Id, "Closed", ListingStatus.Published.ToString(), listing.Status.ToString(), $"deal {recorded.DealId}");
        }
    }
}
