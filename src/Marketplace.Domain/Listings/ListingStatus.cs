namespace Marketplace.Domain.Listings;

/// <summary>A listing's review lifecycle; see <see cref="Listing.Transitions"/> for the allowed moves.</summary>
public enum ListingStatus
{
    Draft,
    PendingReview,
    Published,

    /// <summary>Sent back by the reviewer with a reason; the office edits and resubmits.</summary>
    Rework,

    /// <summary>Refused for good; a new listing is needed.</summary>
    Rejected,
    Withdrawn,

    /// <summary>Taken off the market after a deal or by the office; terminal.</summary>
    Closed,
}
