using Marketplace.Domain.Common;

namespace Marketplace.Domain.Listings;

/// <summary>A listing was created, or its terms or state changed: what the catalog shows of it may differ now.</summary>
public sealed record ListingChanged(Guid ListingId) : IDomainEvent;
