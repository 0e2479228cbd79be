using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Security;

/// <summary>Issue 23, finding 8: /metrics is for the park office's monitoring (its port or its token) and names no database.</summary>
public sealed class MetricsAccessTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Without_a_port_or_token_configured_metrics_are_not_served()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task With_a_token_only_its_bearer_reads_metrics_and_no_pool_names_the_database()
    {
        // A connection string of its own, so its pool is told apart from the test harness's (meters are per process).
        var connection = App.Database.ConnectionString + ";Application Name=metrics-probe";
        await using var monitored = App.Variant(b =>
        {
            b.UseSetting("Metrics:Token", "scrape-secret");
            b.UseSetting("ConnectionStrings:Marketplace", connection);
        });
        var client = monitored.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secreT") } };
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrong)).StatusCode);

        await client.GetAsync("/api/listings");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret");
        var text = await client.GetStringAsync("/metrics");
        Assert.Contains("http_server_request_duration", text);
        Assert.Contains("pool_name=\"marketplace\"", text);
        Assert.DoesNotContain("metrics-probe", text);
    }

    [Theory]
    [InlineData(9464, HttpStatusCode.OK)]
    [InlineData(8080, HttpStatusCode.NotFound)]
    public async Task With_a_port_metrics_answer_only_there(int localPort, HttpStatusCode expected)
    {
        await using var monitored = App.Variant(b =>
        {
            b.UseSetting("Metrics:Port", "9464");
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new LocalPort(localPort)));
        });
        Assert.Equal(expected, (await monitored.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    /// <summary>The test server has no sockets; the port a request arrived on is set as Kestrel would.</summary>
    private sealed class LocalPort(int port) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                context.Connection.LocalPort = port;
                return inner(context);
            });
            next(app);
        };
    }
}
