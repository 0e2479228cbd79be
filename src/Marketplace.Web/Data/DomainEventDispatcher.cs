using System.Collections.Concurrent;
using System.Reflection;
using Marketplace.Domain.Common;

namespace Marketplace.Web.Data;

/// <summary>A reaction to a domain event, run inside the transaction of the change that raised it. It lives in
/// the feature that owns the reaction and is registered there with <see cref="DomainEventServices.AddDomainEventHandler{TEvent, THandler}"/>.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}

/// <summary>
/// Collects the events the tracked aggregates raised, clears them and hands each to its handlers, in the order
/// raised. Handlers may change other aggregates, whose events are dispatched in the next round, so one save runs
/// a whole chain of reactions (a recorded transfer → the patent changes owner → the search feed hears of it).
/// </summary>
internal static class DomainEventDispatcher
{
    private const int MaxRounds = 10;
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Publishers = new();
    private static readonly MethodInfo PublishMethod = typeof(DomainEventDispatcher).GetMethod(nameof(PublishAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static bool HasEvents(MarketplaceDb db) =>
        db.ChangeTracker.Entries<AggregateRoot>().Any(e => e.Entity.DomainEvents.Count > 0);

    public static async Task DispatchAsync(MarketplaceDb db, IServiceProvider services, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            var raisers = db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity).Where(a => a.DomainEvents.Count > 0).ToList();
            if (raisers.Count == 0) return;
            if (round > MaxRounds)
                throw new InvalidOperationException($"Domain events were still being raised after {MaxRounds} rounds: a handler reacts to its own consequence.");
            var events = raisers.SelectMany(a => a.DomainEvents).ToList();
            raisers.ForEach(a => a.ClearDomainEvents());
            foreach (var domainEvent in events)
                await Publishers.GetOrAdd(domainEvent.GetType(), MakePublisher)(services, domainEvent, ct);
        }
    }

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task> MakePublisher(Type eventType) =>
        PublishMethod.MakeGenericMethod(eventType).CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>();

    private static async Task PublishAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken ct) where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
            await handler.HandleAsync((TEvent)domainEvent, ct);
        // Handlers of every event (registered for IDomainEvent itself): what a kept view of "anything" needs.
        foreach (var handler in services.GetServices<IDomainEventHandler<IDomainEvent>>())
            await handler.HandleAsync(domainEvent, ct);
    }
}

public static class DomainEventServices
{
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent where THandler : class, IDomainEventHandler<TEvent> =>
        services.AddScoped<IDomainEventHandler<TEvent>, THandler>();
}
