using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>A registered patent's data, owners or consents changed: the listings that show it may differ now.</summary>
public sealed record PatentChanged(Guid PatentId) : IDomainEvent;
