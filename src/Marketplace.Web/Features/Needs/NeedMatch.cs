using Marketplace.Domain.Matchmaking;

namespace Marketplace.Web.Features.Needs;

/// <summary>A stored match of a need and a published listing, recomputed by the matching worker; pages only read these.</summary>
public sealed class NeedMatch
{
    public Guid NeedId { get; set; }
    public Guid ListingId { get; set; }
    public int Score { get; set; }
    public List<MatchReason> Reasons { get; set; } = [];
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>
/// The matching outbox: a row per changed need or listing, written in the same transaction as the change, so a
/// change is never committed without its rematch being due. Workers on any instance claim rows with SKIP LOCKED.
/// </summary>
public sealed class MatchRequest
{
    public long Id { get; set; }
    public Guid? NeedId { get; set; }
    public Guid? ListingId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
