using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class NegotiationTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task LiveAsync(IPage page) => Expect(page.Locator("body[data-live=connected]")).ToHaveCountAsync(1);

    [Fact]
    public async Task Enterprise_and_office_negotiate_to_an_accepted_offer_seeing_each_others_messages_live()
    {
        var officeUser = await app.CreateUserAsync(OrganizationType.University);
        var enterpriseUser = await app.CreateUserAsync(OrganizationType.Enterprise);
        var officeApi = await BrowserSteps.ApiAsync(app, officeUser);
        var adminApi = await BrowserSteps.ApiAsync(app, await app.CreateUserAsync(OrganizationType.ParkOffice));
        var listingId = await BrowserSteps.PublishListingAsync(officeApi, adminApi, "202010000007");

        var enterprise = await BrowserSteps.SignedInPageAsync(app, enterpriseUser);
        await enterprise.GotoAsync($"/Listings/Detail/{listingId}");
        await enterprise.FillAsync("#Message", "您好，我们想许可这项专利。");
        await enterprise.ClickAsync("[data-testid=inquire]");
        await enterprise.WaitForURLAsync("**/Inquiries/Room/**");
        var roomUrl = enterprise.Url;

        var office = await BrowserSteps.SignedInPageAsync(app, officeUser);
        await Expect(office.Locator("[data-testid=unread]")).ToHaveTextAsync("1");
        await office.GotoAsync(roomUrl);
        await Expect(office.Locator("[data-messages]")).ToContainTextAsync("我们想许可这项专利");
        await LiveAsync(office);
        await LiveAsync(enterprise);

        await enterprise.FillAsync("[data-testid=message-body]", "价格能否优惠？");
        await enterprise.ClickAsync("[data-testid=send-message]");
        await Expect(office.Locator("[data-messages]")).ToContainTextAsync("价格能否优惠？");

        await office.SelectOptionAsync("#Offer_Mode", "Licence");
        await office.FillAsync("#Offer_TermMonths", "36");
        await office.FillAsync("[data-testid=lump-sum]", "200000");
        await office.ClickAsync("[data-testid=send-offer]");
        await Expect(office.Locator("[data-testid=offers] tbody tr")).ToHaveCountAsync(1);
        await LiveAsync(office);

        // The offer reaches the enterprise's open page without a reload; it accepts it there.
        await Expect(enterprise.Locator("[data-testid=offers] [data-testid=accept]")).ToHaveCountAsync(1);
        await enterprise.ClickAsync("[data-testid=accept]");
        await Expect(enterprise.Locator("[data-testid=room-status]")).ToHaveTextAsync("已达成");
        await Expect(enterprise.Locator("[data-testid=deal]")).ToHaveCountAsync(1);
        await Expect(enterprise.Locator("[data-testid=offer-status]")).ToHaveTextAsync("已接受");
        await LiveAsync(enterprise);

        await office.FillAsync("[data-testid=message-body]", "合同草案稍后发送。");
        await office.ClickAsync("[data-testid=send-message]");
        await Expect(enterprise.Locator("[data-messages]")).ToContainTextAsync("合同草案稍后发送。");
        await Expect(office.Locator("[data-testid=room-status]")).ToHaveTextAsync("已达成");
    }
}
