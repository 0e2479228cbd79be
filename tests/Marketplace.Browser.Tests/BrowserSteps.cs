using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Tests.Shared;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

internal static class BrowserSteps
{
    /// <summary>An API client of the running app, signed in with a bearer token, for setting the scene quickly.</summary>
    public static async Task<HttpClient> ApiAsync(BrowserApp app, TestUser user)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = user.Code });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A patent of the office, listed for a non-exclusive licence and approved by the park office.</summary>
    public static async Task<Guid> PublishListingAsync(HttpClient office, HttpClient admin, string digits, string title = "一种海洋浮标监测系统")
    {
        var patentId = await IdAsync(await office.PostAsJsonAsync("/api/patents", new
        {
            applicationNumber = $"{digits}.{Marketplace.Domain.Patents.ApplicationNumber.CheckCharacter(digits)}", type = "Invention",
            titleZh = title, abstractZh = title + "。", ipcCodes = new[] { "B63B 22/00" },
            inventors = new[] { "王伟" }, filingDate = "2020-04-01", grantDate = "2022-08-09", legalStatus = "Valid",
        }));
        var listingId = await IdAsync(await office.PostAsJsonAsync("/api/listings", new
        {
            patentId, terms = new { licence = new { kind = "NonExclusive", territory = "中国大陆", termMonths = 36, lumpSum = 250_000m } },
        }));
        (await office.PostAsync($"/api/listings/{listingId}/submit", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/listings/{listingId}/approve", null)).EnsureSuccessStatusCode();
        return listingId;
    }

    public static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <param name="landing">Where sign-in ends: the home page, unless a test expects another.</param>
    public static async Task<IPage> SignedInPageAsync(BrowserApp app, TestUser user, string? landing = null)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        // Several live pages share two cores with the server in CI; a page load once took over the default 30 s.
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await page.FillAsync("#Input_Email", user.Email);
        await page.FillAsync("#Input_Password", user.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        if (user.Code is not null)
        {
            // As for the landing page below: the address, not the load event (this wait timed out at 60 s in CI on
            // 2026-12-08 with the network idle); filling the code field waits for the field itself.
            await page.WaitForURLAsync("**/Accounts/LoginWith2fa**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
            await page.FillAsync("#Code", user.Code);
            await page.ClickAsync("[data-testid=login-2fa-submit]");
        }
        var target = landing ?? app.BaseUrl + "/";
        try
        {
            // Reaching the address is what sign-in promises; the landing page's own load (its scripts and charts) is what
            // each test waits for next. Waiting for the load event here timed out twice in CI (2026-12, once at 60 s
            // with the browser already at the landing page and the document complete when the error was written).
            await page.WaitForURLAsync(target, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            // This wait once timed out in CI and could not be reproduced: say where the browser was and what it showed.
            var shown = await page.EvaluateAsync<string>("() => document.readyState + ': ' + (document.body?.innerText ?? '').slice(0, 500)")
                .WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(the page did not answer)");
            throw new TimeoutException($"Signing in as {user.Role} did not reach {target}; the browser is at {page.Url}, {shown}", e);
        }
        return page;
    }
}
