using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Marketplace.Web.Platform.Audit;

namespace Marketplace.Web.Features.Listings;

/// <summary>A lapsed patent cannot be licensed or sold: its published listings are suspended (out of search, marked in
/// the catalog), in the transaction that records the lapse, and published again when the right is restored.</summary>
public sealed class SuspendOnLapse(MarketplaceDb db, AuditLog audit, TimeProvider clock)
    : IDomainEventHandler<PatentLapsed>, IDomainEventHandler<PatentRestored>
{
    public Task HandleAsync(PatentLapsed lapsed, CancellationToken ct) =>
        MoveAsync(lapsed.PatentId, ListingStatus.Published, "Suspended", $"patent lapsed {lapsed.On:yyyy-MM-dd}: {lapsed.Reason}", (l, now) => l.Suspend(now), ct);

    public Task HandleAsync(PatentRestored restored, CancellationToken ct) =>
        MoveAsync(restored.PatentId, ListingStatus.Suspended, "Restored", $"patent restored {restored.On:yyyy-MM-dd}", (l, now) => l.Restore(now), ct);

    private async Task MoveAsync(Guid patentId, ListingStatus from, string action, string comment, Action<Listing, DateTimeOffset> move, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var listing in await db.Listings.Where(l => l.PatentId == patentId && l.Status == from).ToListAsync(ct))
        {
            move(listing, now);
            audit.Record(ListingService.AuditEntity, listing.Id, action, from.ToString(), listing.Status.ToString(), comment);
        }
    }
}
