using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Tests.Shared;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests;

public sealed class WebApp : MarketplaceApp
{
    public WebApp() : base("marketplace_test_web")
    {
        Settings["Stripe:SecretKey"] = Deals.FakeStripe.SecretKey;
        Settings["Stripe:PublishableKey"] = Deals.FakeStripe.PublishableKey;
        Settings["Stripe:WebhookSecret"] = Deals.FakeStripe.WebhookSecret;
        Settings["Stripe:ApiBase"] = Deals.FakeStripe.ApiBase;
    }

    /// <summary>Stripe's API for this app: a local handler, since Stripe's servers cannot be reached from tests.</summary>
    public Deals.FakeStripe Stripe { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddHttpClient(Marketplace.Web.Features.Payments.StripeGateway.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Stripe);
            Watch.RaisedEvents.Register(s);
            s.AddHttpContextAccessor();
            s.AddSingleton<Pages.StatementCounter>();
            s.ConfigureDbContext<Marketplace.Web.Data.MarketplaceDb>((services, o) => o.AddInterceptors(services.GetRequiredService<Pages.StatementCounter>()));
        });
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<WebApp>
{
    public const string Name = "app";
}

/// <summary>Every test starts from empty tables on the shared, already-migrated database.</summary>
[Collection(AppCollection.Name)]
public abstract class AppTest(WebApp app) : IAsyncLifetime
{
    protected WebApp App { get; } = app;

    public Task InitializeAsync() => App.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // As text, which buffers the body: a test may ask one problem about several fields.
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The messages a problem response gives for one field.</summary>
    protected static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"no errors in {problem}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }
}
