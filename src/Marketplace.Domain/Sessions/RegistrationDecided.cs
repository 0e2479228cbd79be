using Marketplace.Domain.Common;

namespace Marketplace.Domain.Sessions;

/// <summary>The park office approved or rejected an organisation's registration for a session.</summary>
public sealed record RegistrationDecided(Guid SessionId, Guid RegistrationId, Guid OrganizationId, RegistrationStatus Status) : IDomainEvent;
