using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Search;

/// <summary>
/// The search change feed hears of every listing and patent change in the change's own transaction, so the
/// feed row commits with the change it announces, or not at all; indexers follow the feed (ADR 0007).
/// </summary>
public sealed class SearchFeedHandlers(MarketplaceDb db, TimeProvider clock)
    : IDomainEventHandler<ListingChanged>, IDomainEventHandler<PatentChanged>
{
    public Task HandleAsync(ListingChanged changed, CancellationToken ct)
    {
        db.SearchChanges.Add(new SearchChange { ListingId = changed.ListingId, At = clock.GetUtcNow() });
        return Task.CompletedTask;
    }

    public Task HandleAsync(PatentChanged changed, CancellationToken ct)
    {
        db.SearchChanges.Add(new SearchChange { PatentId = changed.PatentId, At = clock.GetUtcNow() });
        return Task.CompletedTask;
    }
}
