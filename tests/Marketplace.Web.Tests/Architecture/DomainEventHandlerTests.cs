using Marketplace.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Architecture;

/// <summary>A handler that is written but not registered would silently never run.</summary>
public sealed class DomainEventHandlerTests(WebApp app) : AppTest(app)
{
    [Fact]
    public void Every_domain_event_handler_is_registered_for_each_event_it_handles()
    {
        var handled = typeof(MarketplaceDb).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>))
                .Select(i => (Handler: t, Contract: i)))
            .ToList();
        Assert.NotEmpty(handled);
        using var scope = App.Services.CreateScope();
        var missing = handled.Where(h => !scope.ServiceProvider.GetServices(h.Contract).Any(s => s!.GetType() == h.Handler))
            .Select(h => $"{h.Handler.Name} for {h.Contract.GetGenericArguments()[0].Name}").ToList();
        Assert.True(missing.Count == 0, "not registered: " + string.Join(", ", missing));
    }
}
