namespace Marketplace.Domain.Listings;

/// <summary>A listing's review lifecycle; see <see cref="Listing.Lifecycle"/> for the allowed moves.</summary>
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

    /// <summary>The patent lapsed: shown as suspended, out of search, not open to inquiries; published again when
    /// the right is restored.</summary>
    Suspended,
}
