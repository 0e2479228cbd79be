using Marketplace.Tests.Shared;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

internal static class BrowserSteps
{
    public static async Task<IPage> SignedInPageAsync(BrowserApp app, TestUser user)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await page.FillAsync("#Input_Email", user.Email);
        await page.FillAsync("#Input_Password", user.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync("**/Organizations/Mine");
        return page;
    }
}
