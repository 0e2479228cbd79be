namespace Marketplace.Domain.Common;

/// <summary>Something that happened to an aggregate which other parts of the system react to (a deal was recorded,
/// a listing changed). Events are facts in the past tense, raised by the aggregate itself.</summary>
public interface IDomainEvent;

/// <summary>
/// An aggregate that records what happened to it. The data layer collects the events when it saves, hands them
/// to their handlers inside the same transaction, and clears them: a reaction commits with its cause or not at all.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _events = [];

    /// <summary>Raised since the last save; not stored.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);

    public void ClearDomainEvents() => _events.Clear();
}
