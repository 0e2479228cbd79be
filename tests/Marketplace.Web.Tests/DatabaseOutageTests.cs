using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Marketplace.Web.Tests;

public sealed class DatabaseOutageTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task With_the_database_unreachable_requests_fail_fast_with_503_and_retry_after()
    {
        await using var down = App.Variant(b => b.UseSetting("ConnectionStrings:Marketplace",
            "Host=127.0.0.1;Port=1;Username=marketplace;Password=x;Database=none;Timeout=2"));
        var started = DateTime.UtcNow;
        var response = await down.CreateClient().GetAsync("/api/listings");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        var problem = await ProblemAsync(response);
        Assert.Contains("database", problem.GetProperty("detail").GetString());
    }
}
