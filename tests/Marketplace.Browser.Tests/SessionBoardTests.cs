using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Browser.Tests;

/// <summary>The live board in three browsers: the park office's console, a registered enterprise, an anonymous watcher.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionBoardTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task ConnectedAsync(IPage page) => Expect(page.Locator("[data-testid=connection-state][data-state=connected]")).ToHaveCountAsync(1);

    [Fact]
    public async Task The_console_drives_every_board_live_and_sees_interest_arrive()
    {
        var adminUser = await app.CreateUserAsync(OrganizationType.ParkOffice);
        var enterpriseUser = await app.CreateUserAsync(OrganizationType.Enterprise);
        var office = await BrowserSteps.ApiAsync(app, await app.CreateUserAsync(OrganizationType.University));
        var admin = await BrowserSteps.ApiAsync(app, adminUser);
        var enterpriseApi = await BrowserSteps.ApiAsync(app, enterpriseUser);
        var first = await BrowserSteps.PublishListingAsync(office, admin, "202010000007");
        var second = await BrowserSteps.PublishListingAsync(office, admin, "202010000015", "一种船舶智能导航装置");
        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var session = (await OkAsync(await admin.PostAsJsonAsync("/api/sessions", new
        {
            details = new { titleZh = "海洋装备专场对接会", theme = "海洋装备", startsAt = starts, endsAt = starts.AddHours(2), venue = "威海国际会展中心",
                capacity = 100, registrationDeadline = starts.AddDays(-1) },
        }))).GetProperty("id").GetGuid();
        await OkAsync(await admin.PostAsJsonAsync($"/api/sessions/{session}/pitches", new { listingId = first, startsAt = starts, minutes = 20 }));
        await OkAsync(await admin.PostAsJsonAsync($"/api/sessions/{session}/pitches", new { listingId = second, startsAt = starts.AddMinutes(30), minutes = 20 }));
        await OkAsync(await admin.PostAsync($"/api/sessions/{session}/open", null));
        var registration = await OkAsync(await enterpriseApi.PostAsync($"/api/sessions/{session}/registrations", null));
        await OkAsync(await admin.PostAsync($"/api/sessions/{session}/registrations/{registration.GetProperty("id").GetGuid()}/approve", null));
        await OkAsync(await admin.PostAsync($"/api/sessions/{session}/start", null));

        var participant = await BrowserSteps.SignedInPageAsync(app, enterpriseUser);
        await participant.GotoAsync($"/Sessions/Board/{session}");
        var watcherContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var watcher = await watcherContext.NewPageAsync();
        await watcher.GotoAsync($"/Sessions/Board/{session}");
        var console = await BrowserSteps.SignedInPageAsync(app, adminUser);
        await console.GotoAsync($"/Sessions/Console/{session}");
        await ConnectedAsync(participant);
        await ConnectedAsync(watcher);

        await console.ClickAsync("[data-testid=next-pitch]");
        await Expect(participant.Locator("[data-testid=current-pitch]")).ToHaveTextAsync("一种海洋浮标监测系统");
        await Expect(watcher.Locator("[data-testid=current-pitch]")).ToHaveTextAsync("一种海洋浮标监测系统");
        await Expect(watcher.Locator("[data-testid=interested]")).ToHaveCountAsync(0);

        await ConnectedAsync(console);
        await Expect(console.Locator("[data-testid=interest-count]")).ToHaveTextAsync("0");
        await participant.ClickAsync("[data-testid=interested]");
        await Expect(participant.Locator("[data-testid=open-inquiry]")).ToHaveAttributeAsync("href", $"/Listings/Detail/{first}?sessionId={session}");
        await Expect(console.Locator("[data-testid=interest-count]")).ToHaveTextAsync("1");
        await Expect(watcher.Locator("[data-testid=interest-count]")).ToHaveTextAsync("1");
        await watcherContext.CloseAsync();
    }
}
