using Marketplace.Domain.Organizations;
using Marketplace.Web.Platform.Identity;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class OfficeJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Office_registers_a_patent_by_form_lists_it_edits_the_listing_and_submits_it()
    {
        var office = await BrowserSteps.SignedInPageAsync(app, await app.CreateUserAsync(OrganizationType.University));
        var errors = PageChecks.WatchConsole(office);
        await office.ClickAsync("text=登记专利");
        await office.WaitForURLAsync("**/Patents/Edit");

        // The check character is explained while typing: a wrong one names the right one.
        await office.FillAsync("#Input_ApplicationNumber", "202010000007.1");
        await Expect(office.Locator("[data-testid=number-help]")).ToContainTextAsync("校验位应为 9，而不是 1");
        // Saved with several mistakes, every one is shown at once, next to its field.
        await office.FillAsync("#Input_IpcCodes", "Z99");
        await office.ClickAsync("[data-testid=save-patent]");
        await Expect(office.Locator("#err-number")).Not.ToBeEmptyAsync();
        await Expect(office.Locator("#err-titleZh")).Not.ToBeEmptyAsync();
        await Expect(office.Locator("#err-ipc")).Not.ToBeEmptyAsync();
        await Expect(office.Locator("#err-filingDate")).Not.ToBeEmptyAsync();

        await office.FillAsync("#Input_ApplicationNumber", "202010000007.9");
        await Expect(office.Locator("[data-testid=number-help]")).ToContainTextAsync("校验位 9 正确");
        await office.FillAsync("#Input_TitleZh", "一种海洋浮标监测系统");
        await office.FillAsync("#Input_AbstractZh", "一种用于近海水质监测的浮标系统。");
        await office.FillAsync("#Input_IpcCodes", "B63B 22/00\nG01N 33/18");
        await office.FillAsync("#Input_Inventors", "王伟；李娜");
        await office.FillAsync("#Input_FilingDate", "2020-04-01");
        await office.FillAsync("#Input_GrantDate", "2022-08-09");
        await office.ClickAsync("[data-testid=save-patent]");
        await office.WaitForURLAsync("**/Patents?saved=*");
        await Expect(office.Locator("[data-testid=patents]")).ToContainTextAsync("一种海洋浮标监测系统");

        // List it: only the ticked modes' fields show; the listing starts as a draft.
        await office.ClickAsync("[data-testid=offer-patent]");
        await Expect(office.Locator("fieldset[data-mode=equity]")).ToBeHiddenAsync();
        await office.FillAsync("#Input_Licence_LumpSum", "250000");
        await office.CheckAsync("#Input_OffersTransfer");
        await Expect(office.Locator("fieldset[data-mode=transfer]")).ToBeVisibleAsync();
        await office.CheckAsync("#Input_Transfer_Negotiable");
        await office.ClickAsync("[data-testid=save-listing]");
        await office.WaitForURLAsync("**/Listings/Detail/**");
        await Expect(office.Locator("[data-testid=listing-status]")).ToHaveTextAsync("草稿");
        await Expect(office.Locator("[data-testid=terms]")).ToContainTextAsync("转让");

        // Edit it: drop the transfer, change the price.
        await office.ClickAsync("[data-testid=edit-listing]");
        await office.UncheckAsync("#Input_OffersTransfer");
        await office.FillAsync("#Input_Licence_LumpSum", "300000");
        await office.ClickAsync("[data-testid=save-listing]");
        await office.WaitForURLAsync("**/Listings/Detail/**");
        await Expect(office.Locator("[data-testid=terms]")).Not.ToContainTextAsync("转让");
        await Expect(office.Locator("[data-testid=terms]")).ToContainTextAsync("300,000.00");

        await office.ClickAsync("[data-testid=submit-listing]");
        await Expect(office.Locator("[data-testid=listing-status]")).ToHaveTextAsync("待审核");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Park_office_user_without_two_factor_is_sent_to_enrol_and_then_reaches_the_page()
    {
        var admin = await app.CreateUserAsync(OrganizationType.ParkOffice, enrolTwoFactor: false);
        var page = await BrowserSteps.SignedInPageAsync(app, admin, landing: "**/Accounts/TwoFactor**");
        await page.GotoAsync("/Listings/Moderation");
        await page.WaitForURLAsync("**/Accounts/TwoFactor?returnUrl=%2FListings%2FModeration");
        await Expect(page.Locator("[data-testid='2fa-required']")).ToBeVisibleAsync();
        var key = await page.InnerTextAsync("[data-testid='2fa-key']");
        await page.FillAsync("#Code", Marketplace.Tests.Shared.Authenticator.Code(key));
        await page.ClickAsync("[data-testid='2fa-enable']");
        await page.WaitForURLAsync("**/Listings/Moderation");

        var api = await BrowserSteps.ApiAsync(app, await app.CreateUserAsync(OrganizationType.ParkOffice, enrolTwoFactor: false));
        var refused = await api.GetAsync("/api/listings?status=PendingReview");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("/api/auth/manage/2fa", await refused.Content.ReadAsStringAsync());
    }
}
