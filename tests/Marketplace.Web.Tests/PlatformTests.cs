using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Marketplace.Web.Tests;

public sealed class PlatformTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_postgresql()
    {
        var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_and_reference_ui_are_served()
    {
        var client = App.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/organizations", out _));
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
        var docs = await client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await App.CreateClient().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Chinese_by_default_and_english_after_the_switch()
    {
        var form = new FormClient(App);
        var html = await form.Http.GetStringAsync("/");
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("威海知识产权交易平台", html);
        Assert.Contains("href=\"/culture?culture=en&amp;returnUrl=%2F\"", html);

        var switched = await form.Http.GetAsync("/culture?culture=en&returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await form.Http.GetStringAsync("/");
        Assert.Contains("lang=\"en\"", english);
        Assert.Contains("Weihai IP Marketplace", english);
    }

    [Fact]
    public async Task Metrics_are_exposed_in_prometheus_format_to_the_monitoring_token()
    {
        await using var monitored = App.Variant(b => b.UseSetting("Metrics:Token", "scrape-secret"));
        var client = monitored.CreateClient();
        await client.PostAsJsonAsync("/api/organizations", new
        {
            nameZh = "指标测试公司", type = "Enterprise", creditCode = "914403001922038216", contactName = "李", contactPhone = "0631-5800001",
            contactEmail = "m@example.cn", email = "metrics@example.cn", displayName = "李", password = "correct horse battery staple",
        });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "scrape-secret");
        var text = await client.GetStringAsync("/metrics");
        Assert.Contains("marketplace_organizations_registered", text);
        Assert.Contains("http_server_request_duration", text);
    }

    [Fact]
    public async Task A_new_deployment_bootstraps_its_first_park_admin_once()
    {
        await using var deployment = App.Variant(b =>
        {
            b.UseSetting("Bootstrap:ParkOffice:Email", "admin@park.example.cn");
            b.UseSetting("Bootstrap:ParkOffice:Password", "a long bootstrap secret");
            b.UseSetting("Bootstrap:ParkOffice:CreditCode", "11371000004310014Y");
        });
        var client = deployment.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@park.example.cn", password = "a long bootstrap secret" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM organizations WHERE type = 'ParkOffice' AND is_verified"));
    }
}
