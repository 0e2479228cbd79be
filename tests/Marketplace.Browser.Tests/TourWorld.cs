using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Platform.Identity;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// One small market for the page tour: a user of every role, a published listing, a negotiation that became a
/// deal, an announced session. Each role signs in once through the real pages (two-factor code included) and its
/// browser state is stored (Playwright's StorageStatePath), so every later page opens already signed in.
/// </summary>
public sealed class TourWorld
{
    public required IReadOnlyDictionary<string, string> States { get; init; }
    public required Guid ListingId { get; init; }
    public required Guid PatentId { get; init; }
    public required Guid RoomId { get; init; }
    public required Guid DealId { get; init; }
    public required Guid SessionId { get; init; }

    public const string Anonymous = "anonymous", Office = "office", Enterprise = "enterprise", Park = "park", Officer = "officer", Approver = "approver";

    public static async Task<TourWorld> BuildAsync(BrowserApp app)
    {
        await app.ResetAsync();
        var users = new Dictionary<string, TestUser>
        {
            [Office] = await app.CreateUserAsync(OrganizationType.University),
            [Enterprise] = await app.CreateUserAsync(OrganizationType.Enterprise),
            [Park] = await app.CreateUserAsync(OrganizationType.ParkOffice),
            [Officer] = await app.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer),
        };
        users[Approver] = await app.AddMemberAsync(users[Officer], Roles.BankApprover);
        var office = await BrowserSteps.ApiAsync(app, users[Office]);
        var park = await BrowserSteps.ApiAsync(app, users[Park]);
        var enterprise = await BrowserSteps.ApiAsync(app, users[Enterprise]);
        var listingId = await BrowserSteps.PublishListingAsync(office, park, "202010000007");
        await BrowserSteps.PublishListingAsync(office, park, "202010000015", "一种船舶智能导航装置");

        var patentId = (await OkAsync(await office.GetAsync($"/api/listings/{listingId}"))).GetProperty("patent").GetProperty("id").GetGuid();
        var room = await OkAsync(await enterprise.PostAsJsonAsync("/api/inquiries", new { listingId, message = "您好，我们想许可这项专利用于海洋监测设备。" }));
        var roomId = room.GetProperty("id").GetGuid();
        var offer = await OkAsync(await office.PostAsJsonAsync($"/api/inquiries/{roomId}/offers", new
        {
            terms = new { mode = "Licence", licenceKind = "NonExclusive", territory = "中国大陆", termMonths = 36, lumpSum = 200_000m, royaltyRatePercent = 3m },
        }));
        var accepted = await OkAsync(await enterprise.PostAsync($"/api/offers/{offer.GetProperty("id").GetGuid()}/accept", null));

        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var session = await OkAsync(await park.PostAsJsonAsync("/api/sessions", new
        {
            details = new { titleZh = "海洋装备专场对接会", theme = "海洋装备", startsAt = starts, endsAt = starts.AddHours(2), venue = "威海国际会展中心",
                capacity = 100, registrationDeadline = starts.AddDays(-1) },
        }));
        var sessionId = session.GetProperty("id").GetGuid();
        await OkAsync(await park.PostAsJsonAsync($"/api/sessions/{sessionId}/pitches", new { listingId, startsAt = starts, minutes = 20 }));
        await OkAsync(await park.PostAsync($"/api/sessions/{sessionId}/open", null));

        var states = new Dictionary<string, string>();
        foreach (var (role, user) in users)
        {
            var page = await BrowserSteps.SignedInPageAsync(app, user);
            var path = Path.Combine(Path.GetTempPath(), $"marketplace-state-{role}-{Guid.NewGuid():N}.json");
            await page.Context.StorageStateAsync(new BrowserContextStorageStateOptions { Path = path });
            await page.Context.CloseAsync();
            states[role] = path;
        }
        return new TourWorld
        {
            States = states, ListingId = listingId, PatentId = patentId, RoomId = roomId, DealId = accepted.GetProperty("dealId").GetGuid(), SessionId = sessionId,
        };
    }

    /// <summary>A browser context of the role (signed in from its stored state) at the given width.</summary>
    public Task<IBrowserContext> ContextAsync(BrowserApp app, string role, int width)
    {
        var options = new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = 900 } };
        if (role != Anonymous) options.StorageStatePath = States[role];
        return app.Browser.NewContextAsync(options);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
