using System.Net;
using System.Net.Http.Json;
using Marketplace.Domain.Organizations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Web.Tests.Security;

/// <summary>Issue 23, finding 4: limits count failed sign-ins per account and address, whatever the URL's case; page views are free.</summary>
public sealed class SignInLimitTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_urls_case_and_trailing_slash_do_not_reset_the_count_of_an_account()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = App.CreateClient();
        string[] spellings = ["/api/auth/login", "/api/auth/Login", "/API/auth/login", "/api/auth/login/", "/Api/Auth/LOGIN"];
        foreach (var url in spellings)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync(url, new { email = user.Email, password = "a wrong guess" })).StatusCode);
        var right = await client.PostAsJsonAsync("/API/AUTH/LOGIN", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(5, await App.Database.CountAsync("SELECT count(*) FROM sign_in_failures"));
    }

    [Fact]
    public async Task Spraying_one_password_over_many_accounts_is_stopped_per_address()
    {
        await using var limited = App.Variant(b => b.UseSetting("SignIn:Throttle:PerAddress", "10"));
        var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add((await client.PostAsJsonAsync(i % 2 == 0 ? "/api/auth/login" : "/API/Auth/Login/", new { email = $"user{i}@example.cn", password = "Spring2026!Spring" })).StatusCode);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10).Concat([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]), statuses);
    }

    [Fact]
    public async Task An_account_that_does_not_exist_is_limited_exactly_like_one_that_does()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = App.CreateClient();
        async Task<HttpResponseMessage> SixthAsync(string email)
        {
            for (var i = 0; i < 5; i++) await client.PostAsJsonAsync("/api/auth/login", new { email, password = "a wrong guess" });
            return await client.PostAsJsonAsync("/api/auth/login", new { email, password = "a wrong guess" });
        }
        var known = await SixthAsync(user.Email);
        var unknown = await SixthAsync("nobody@example.cn");
        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests), (known.StatusCode, unknown.StatusCode));
        Assert.Equal((await ProblemAsync(known)).GetProperty("title").GetString(), (await ProblemAsync(unknown)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Viewing_the_sign_in_page_is_not_an_attempt_and_a_locked_form_gets_a_page_saying_when()
    {
        var user = await App.CreateUserAsync(OrganizationType.Enterprise);
        await using var strict = App.Variant(b => b.UseSetting("RateLimiting:Auth:PermitLimit", "2"));
        var form = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await form.GetAsync("/Accounts/Login")).StatusCode);

        var html = await form.GetStringAsync("/Accounts/Login");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        HttpResponseMessage Post(string password)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = user.Email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
                }),
            };
            request.Headers.Accept.ParseAdd("text/html");
            return form.SendAsync(request).GetAwaiter().GetResult();
        }
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, Post($"guess {i}").StatusCode);
        var locked = Post(user.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));
        var page = await locked.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"429\"", page);
        Assert.Contains("data-testid=\"error-retry\"", page);
    }

    [Fact]
    public async Task Registration_posts_share_one_window_per_address_however_the_url_is_spelled()
    {
        await using var limited = App.Variant(b => b.UseSetting("RateLimiting:Auth:PermitLimit", "2"));
        var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var url in new[] { "/api/organizations", "/API/Organizations/", "/api/ORGANIZATIONS" })
            statuses.Add((await client.PostAsJsonAsync(url, new { nameZh = "" })).StatusCode);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }
}
