namespace Marketplace.Domain.Matchmaking;

public enum NeedStatus
{
    /// <summary>Waiting for the park office, like a listing.</summary>
    PendingReview,
    Rework,
    Rejected,
    /// <summary>Published and being matched.</summary>
    Open,
    /// <summary>An offer made for it was accepted: a deal is under way.</summary>
    Matched,
    Closed,
    /// <summary>The deadline passed while it was still waiting or open.</summary>
    Expired,
}

public enum NeedVisibility
{
    /// <summary>Every signed-in organisation (and the owners of matching patents) may read it.</summary>
    Public,
    /// <summary>Only the enterprise and the park office, which brokers it without naming the enterprise.</summary>
    ParkOfficeOnly,
}
