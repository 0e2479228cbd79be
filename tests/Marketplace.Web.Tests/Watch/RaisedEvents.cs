using System.Collections.Concurrent;
using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Watch;

/// <summary>
/// The watch's events as the app raised them, heard by one more real handler beside the app's own: the warnings to
/// negotiations and deals are events for the notification centre, which is built on another branch, so a test
/// reads them here. Tests filter by their own patents' ids, so the tests of other classes do not disturb them.
/// </summary>
public sealed class RaisedEvents
{
    private readonly ConcurrentQueue<IDomainEvent> _events = new();

    public IReadOnlyList<T> Of<T>(Func<T, bool> where) where T : IDomainEvent => _events.OfType<T>().Where(where).ToList();

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<RaisedEvents>();
        services.AddDomainEventHandler<NegotiationWarned, Listener<NegotiationWarned>>();
        services.AddDomainEventHandler<DealWarned, Listener<DealWarned>>();
        services.AddDomainEventHandler<LoanWatchlisted, Listener<LoanWatchlisted>>();
        services.AddDomainEventHandler<AnnualFeeDueSoon, Listener<AnnualFeeDueSoon>>();
        services.AddDomainEventHandler<AnnualFeeOverdue, Listener<AnnualFeeOverdue>>();
        services.AddDomainEventHandler<PatentLapsed, Listener<PatentLapsed>>();
        services.AddDomainEventHandler<PatentRestored, Listener<PatentRestored>>();
    }

    private sealed class Listener<T>(RaisedEvents raised) : IDomainEventHandler<T> where T : IDomainEvent
    {
        public Task HandleAsync(T domainEvent, CancellationToken ct)
        {
            raised._events.Enqueue(domainEvent);
            return Task.CompletedTask;
        }
    }
}
