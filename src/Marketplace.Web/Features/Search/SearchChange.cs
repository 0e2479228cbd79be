namespace Marketplace.Web.Features.Search;

/// <summary>
/// The search change feed: a row per changed listing or patent, written by the same SaveChanges (so the same
/// transaction) as the change. Each row also carries its writer's transaction id (column tx, xid8), which is how
/// indexers read the feed without missing rows from transactions that commit out of id order (SearchFeed).
/// </summary>
public sealed class SearchChange
{
    public long Id { get; init; }
    public Guid? ListingId { get; init; }
    public Guid? PatentId { get; init; }
    public DateTimeOffset At { get; init; }
}
