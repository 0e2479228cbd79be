using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Listings;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Platform;
using Marketplace.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.SavedSearches;

/// <summary>A listing the park office has just published (first approval or approval after an edit) is queued for the
/// saved searches, in the approval's transaction.</summary>
public sealed class QueueOnPublished(MarketplaceDb db, TimeProvider clock) : IDomainEventHandler<ListingChanged>
{
    public async Task HandleAsync(ListingChanged changed, CancellationToken ct)
    {
        if (ListingMove.Of(db, changed.ListingId) is not (_, ListingStatus.PendingReview, ListingStatus.Published)) return;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO published_listings (listing_id, queued_at) VALUES ({changed.ListingId}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING", ct);
    }
}

/// <summary>
/// Takes each queued listing (<c>FOR UPDATE SKIP LOCKED</c>, so instances share the queue), runs every saved search
/// against it and tells the owner of each search that finds it. The notice's dedupe key (search and listing) makes it
/// once-only: a listing published again after an edit, or a pass repeated after a crash, tells nobody twice.
/// </summary>
public sealed class SavedSearchAlerts(IServiceScopeFactory scopes, ISavedSearchPercolator percolator, TimeProvider clock, ILogger<SavedSearchAlerts> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await RunOnceAsync(ct), () => TimeSpan.FromSeconds(2), clock, logger, "Saved-search alerts", stoppingToken);

    /// <summary>Runs the queue empty; returns how many notices were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var told = 0;
        while (await NextAsync(ct) is { } count) told += count;
        return told;
    }

    private async Task<int?> NextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var queued = await db.PublishedListings.FromSql($"SELECT * FROM published_listings ORDER BY queued_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .AsNoTracking().ToListAsync(ct);
        if (queued is not [var next]) return null;
        var (documents, _) = await scope.ServiceProvider.GetRequiredService<SearchFeed>().DocumentsAsync([next.ListingId], ct);
        var told = 0;
        if (documents is [var listing])
        {
            var searches = await LoadAsync(db, listing.OwnerOrganizationId, ct);
            var board = scope.ServiceProvider.GetRequiredService<NoticeBoard>();
            foreach (var id in await percolator.MatchAsync(listing, searches, ct))
            {
                var search = searches.First(s => s.Id == id);
                told += await board.PostAsync(NoticeAudience.Person(search.UserId), NoticeKinds.SearchMatch,
                    new Text("A new listing matches your saved search \"{0}\": {1}", search.Name, listing.TitleZh),
                    ListingNotices.Url(listing.ListingId), listing.ListingId, $"search:{search.Id}:{listing.ListingId}", ct);
            }
        }
        await db.PublishedListings.Where(p => p.ListingId == next.ListingId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return told;
    }

    /// <summary>Every saved search but the listing's own organisation's (it knows of its own listing).</summary>
    internal static async Task<IReadOnlyList<SavedSearchQuery>> LoadAsync(MarketplaceDb db, Guid ownerOrganizationId, CancellationToken ct)
    {
        var rows = await db.SavedSearches.AsNoTracking().Where(s => s.OrganizationId != ownerOrganizationId).ToListAsync(ct);
        var searches = new List<SavedSearchQuery>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                searches.Add(new SavedSearchQuery(row.Id, row.UserId, row.OrganizationId, row.Name, row.Request().ToQuery(), row.UpdatedAt));
            }
            catch (DomainRuleException)
            {
                // A search saved under older rules that no longer holds (a filter value since removed) finds nothing.
            }
        }
        return searches;
    }
}
