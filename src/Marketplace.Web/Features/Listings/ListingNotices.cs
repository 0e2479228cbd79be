using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>The listing's organisation hears of the park office's review — approved, rejected or sent back with the
/// reason — in the transaction of the decision.</summary>
public sealed class ListingNotices(MarketplaceDb db, NoticeBoard board) : IDomainEventHandler<ListingChanged>
{
    public static string Url(Guid listingId) => $"/Listings/Detail/{listingId}";

    public async Task HandleAsync(ListingChanged changed, CancellationToken ct)
    {
        if (ListingMove.Of(db, changed.ListingId) is not ({ } listing, ListingStatus.PendingReview, var to)
            || to is not (ListingStatus.Published or ListingStatus.Rejected or ListingStatus.Rework)) return;
        var title = await db.Patents.Where(p => p.Id == listing.PatentId).Select(p => p.TitleZh).SingleAsync(ct);
        var reason = listing.RejectionReason ?? "";
        var (kind, text) = to switch
        {
            ListingStatus.Published => (NoticeKinds.ListingApproved, new Text("Your listing of {0} was approved and is published.", title)),
            ListingStatus.Rejected => (NoticeKinds.ListingRejected, new Text("Your listing of {0} was rejected: {1}", title, reason)),
            _ => (NoticeKinds.ListingRework, new Text("Your listing of {0} was sent back for rework: {1}", title, reason)),
        };
        await board.PostAsync(NoticeAudience.Organization(listing.OrganizationId), kind, text, Url(listing.Id), listing.Id, ct: ct);
    }
}

/// <summary>A listing's state before and after the change being saved: the tracked entity's original and current values.</summary>
public static class ListingMove
{
    public static (Listing Listing, ListingStatus From, ListingStatus To)? Of(MarketplaceDb db, Guid listingId)
    {
        if (db.Listings.Local.FirstOrDefault(l => l.Id == listingId) is not { } listing) return null;
        var entry = db.Entry(listing);
        var from = entry.State == EntityState.Added ? (ListingStatus?)null : entry.Property(l => l.Status).OriginalValue;
        return from is { } before ? (listing, before, listing.Status) : null;
    }
}
