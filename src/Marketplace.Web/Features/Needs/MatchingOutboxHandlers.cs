using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Needs;

/// <summary>
/// The matching outbox: a changed listing or need is queued for rematching in the change's own transaction, and
/// the matching worker computes its matches after the commit (ADR 0008).
/// </summary>
public sealed class MatchingOutboxHandlers(MarketplaceDb db, TimeProvider clock)
    : IDomainEventHandler<ListingChanged>, IDomainEventHandler<NeedChanged>
{
    public Task HandleAsync(ListingChanged changed, CancellationToken ct)
    {
        db.MatchRequests.Add(new MatchRequest { ListingId = changed.ListingId, RequestedAt = clock.GetUtcNow() });
        return Task.CompletedTask;
    }

    public Task HandleAsync(NeedChanged changed, CancellationToken ct)
    {
        db.MatchRequests.Add(new MatchRequest { NeedId = changed.NeedId, RequestedAt = clock.GetUtcNow() });
        return Task.CompletedTask;
    }
}
