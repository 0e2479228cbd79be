using Marketplace.Domain.Common;

namespace Marketplace.Domain.Matchmaking;

/// <summary>A technology need was posted, edited, or changed state: its matches are to be computed again.</summary>
public sealed record NeedChanged(Guid NeedId) : IDomainEvent;
