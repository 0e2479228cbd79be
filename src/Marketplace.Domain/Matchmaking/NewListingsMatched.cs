using Marketplace.Domain.Common;

namespace Marketplace.Domain.Matchmaking;

/// <summary>Listings published after the need now match it: the need's organisation is told of each (a need posted
/// today is not told of the market as it already was — its page shows those matches).</summary>
public sealed record NewListingsMatched(Guid NeedId, Guid OrganizationId, string NeedTitle, IReadOnlyList<Guid> ListingIds) : IDomainEvent;
