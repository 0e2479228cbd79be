using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Domain.Organizations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Web.Tests.Hostile;

/// <summary>What the security review checks by hand, kept as tests: cookie flags in Production and the headers on every kind of answer.</summary>
public sealed partial class CookieAndHeaderTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task In_production_every_cookie_is_secure_httponly_and_samesite_even_over_plain_http()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        await using var production = App.ProductionVariant();
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var page = await client.GetAsync("/Accounts/Login");
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = page.Headers.GetValues("Set-Cookie").ToList();
        var login = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = user.Email, ["Input.Password"] = user.Password,
                ["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value,
            }),
        };
        login.Headers.Add("Cookie", string.Join("; ", antiforgery.Select(c => c.Split(';')[0])));
        var signedIn = await client.SendAsync(login);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = antiforgery.Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("marketplace.auth=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var flags = cookie.ToLowerInvariant();
            Assert.Contains("; secure", flags);
            Assert.Contains("; httponly", flags);
            Assert.Matches("; samesite=(lax|strict)", flags);
        });
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/listings")]
    [InlineData("/api/listings/not-a-guid")]
    [InlineData("/api/me")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        var response = await App.CreateClient().GetAsync(url);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("object-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task In_production_https_answers_carry_hsts()
    {
        await using var production = App.ProductionVariant();
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://marketplace.example") });
        var response = await client.GetAsync("/health/live");
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
