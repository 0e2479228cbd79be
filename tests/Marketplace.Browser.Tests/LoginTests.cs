using Marketplace.Domain.Organizations;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Logs_in_through_the_real_page_sees_the_organisation_in_chinese_then_switches_to_english()
    {
        var user = await app.CreateUserAsync(OrganizationType.University);
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Accounts/Login");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await page.FillAsync("#Input_Email", user.Email);
        await page.FillAsync("#Input_Password", user.Password);
        await page.ClickAsync("[data-testid=login-submit]");

        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.GotoAsync("/Organizations/Mine");
        Assert.StartsWith("测试机构", await page.InnerTextAsync("[data-testid=org-name]"));
        Assert.Equal("已认证", await page.InnerTextAsync("[data-testid=org-status]"));
        // The link sits in the grouped "my work" menu, closed until opened: its text, not its rendering.
        Assert.Equal("我的机构", (await page.TextContentAsync("header a[href='/Organizations/Mine']"))?.Trim());

        await page.ClickAsync("[data-testid=language-switch]");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.EndsWith("/Organizations/Mine", page.Url);
        Assert.StartsWith("Test Organisation", await page.InnerTextAsync("[data-testid=org-name]"));
        Assert.Equal("Verified", await page.InnerTextAsync("[data-testid=org-status]"));
        Assert.Equal("My organisation", (await page.TextContentAsync("header a[href='/Organizations/Mine']"))?.Trim());
    }

    [Fact]
    public async Task Register_page_counts_password_characters_as_the_user_types()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/Register");
        await page.FillAsync("#Input_Password", "威海火炬");
        Assert.Equal("4 / 12–128", await page.InnerTextAsync("[data-testid=password-meter]"));
    }
}
