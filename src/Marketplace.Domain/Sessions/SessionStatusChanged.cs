using Marketplace.Domain.Common;

namespace Marketplace.Domain.Sessions;

/// <summary>A session moved through its lifecycle; one that goes live or closes counts as held for the plan.</summary>
public sealed record SessionStatusChanged(Guid SessionId, SessionStatus From, SessionStatus To) : IDomainEvent
{
    public bool MovesHeldCount => To is SessionStatus.Live or SessionStatus.Closed;
}
