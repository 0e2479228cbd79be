using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.AspNetCore.OutputCaching;

namespace Marketplace.Web.Features.Listings;

/// <summary>The cached public pages (home, catalog, a listing's page) show listings and their patents: any change to
/// either evicts them after its commit on this instance, so the next visitor cannot cache the old rows again before
/// they change. Another instance's cached pages end with their lifetime (<see cref="PageCaching.Lifetime"/>).</summary>
public sealed class AnonymousPagesOnChange(MarketplaceDb db, IOutputCacheStore cache)
    : IDomainEventHandler<ListingChanged>, IDomainEventHandler<PatentChanged>
{
    public Task HandleAsync(ListingChanged changed, CancellationToken ct) => EvictAfterCommit();

    public Task HandleAsync(PatentChanged changed, CancellationToken ct) => EvictAfterCommit();

    private Task EvictAfterCommit()
    {
        db.AfterCommit(() => cache.EvictByTagAsync(PageCaching.MarketTag, CancellationToken.None).AsTask());
        return Task.CompletedTask;
    }
}
