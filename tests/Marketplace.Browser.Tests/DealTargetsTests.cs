using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DealTargetsTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_park_office_sees_the_deal_total_rise_when_a_deal_is_signed_elsewhere()
    {
        var officeApi = await BrowserSteps.ApiAsync(app, await app.CreateUserAsync(OrganizationType.University));
        var enterpriseApi = await BrowserSteps.ApiAsync(app, await app.CreateUserAsync(OrganizationType.Enterprise));
        var parkUser = await app.CreateUserAsync(OrganizationType.ParkOffice);
        var listingId = await BrowserSteps.PublishListingAsync(officeApi, await BrowserSteps.ApiAsync(app, parkUser), "202010000011");
        var room = await BrowserSteps.IdAsync(await enterpriseApi.PostAsJsonAsync("/api/inquiries", new { listingId, message = "许可" }));
        var offer = await BrowserSteps.IdAsync(await officeApi.PostAsJsonAsync($"/api/inquiries/{room}/offers", new
        {
            terms = new { mode = "Licence", licenceKind = "NonExclusive", territory = "中国大陆", termMonths = 24, lumpSum = 420_000m },
        }));
        var accepted = await enterpriseApi.PostAsync($"/api/offers/{offer}/accept", null);
        var dealId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dealId").GetGuid();

        var park = await BrowserSteps.SignedInPageAsync(app, parkUser);
        // This year's figures: the page opens on the plan period, which may have ended (2022–2025).
        await park.GotoAsync($"/Targets?year={DateTime.UtcNow.AddHours(8).Year}");
        await Expect(park.Locator("[data-testid=deals-contracted]")).ToHaveTextAsync("¥0.00");
        await Expect(park.Locator("[data-targets][data-live=connected]")).ToHaveCountAsync(1);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        foreach (var party in new[] { officeApi, enterpriseApi })
            (await party.PostAsJsonAsync($"/api/deals/{dealId}/sign", new { contractDate = today, registrationNumber = $"{DateTime.UtcNow.AddHours(8).Year}371000000777" })).EnsureSuccessStatusCode();

        await Expect(park.Locator("[data-testid=deals-contracted]")).ToHaveTextAsync("¥420,000.00");
    }
}
