using Marketplace.Domain.Common;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Listings;
using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.SavedSearches;

/// <summary>
/// A need is a standing interest like a saved search: when the matching worker finds listings published after the need
/// among its matches, the need's organisation is told of each, in the rematch's transaction. The dedupe key is the pair,
/// so a listing that drops out of the matches and comes back is not told twice.
/// </summary>
public sealed class NeedMatchNotices(MarketplaceDb db, NoticeBoard board) : IDomainEventHandler<NewListingsMatched>
{
    public async Task HandleAsync(NewListingsMatched matched, CancellationToken ct)
    {
        var titles = await db.Listings.AsNoTracking().Where(l => matched.ListingIds.Contains(l.Id))
            .Join(db.Patents, l => l.PatentId, p => p.Id, (l, p) => new { l.Id, p.TitleZh }).ToDictionaryAsync(x => x.Id, x => x.TitleZh, ct);
        foreach (var listingId in matched.ListingIds.Where(titles.ContainsKey))
            await board.PostAsync(NoticeAudience.Organization(matched.OrganizationId), NoticeKinds.NeedMatch,
                new Text("A new listing matches your technology need \"{0}\": {1}", matched.NeedTitle, titles[listingId]),
                ListingNotices.Url(listingId), listingId, $"need:{matched.NeedId}:{listingId}", ct);
    }
}
