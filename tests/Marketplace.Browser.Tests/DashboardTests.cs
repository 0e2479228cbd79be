using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserApp app) : IAsyncLifetime
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
    private static readonly int Year = DateTime.UtcNow.AddHours(8).Year;

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A deal agreed between two new organisations, ready to sign; returns the two parties and the deal.</summary>
    private async Task<(HttpClient Office, HttpClient Enterprise, HttpClient Park, Guid Deal)> AgreedDealAsync(TestUser parkUser)
    {
        var officeApi = await BrowserSteps.ApiAsync(app, await app.CreateUserAsync(OrganizationType.University));
        var enterpriseApi = await BrowserSteps.ApiAsync(app, await app.CreateUserAsync(OrganizationType.Enterprise));
        var parkApi = await BrowserSteps.ApiAsync(app, parkUser);
        var listingId = await BrowserSteps.PublishListingAsync(officeApi, parkApi, "202010000021");
        var room = await BrowserSteps.IdAsync(await enterpriseApi.PostAsJsonAsync("/api/inquiries", new { listingId, message = "许可" }));
        var offer = await BrowserSteps.IdAsync(await officeApi.PostAsJsonAsync($"/api/inquiries/{room}/offers", new
        {
            terms = new { mode = "Licence", licenceKind = "Exclusive", territory = "中国大陆", termMonths = 24, lumpSum = 250_000m },
        }));
        var accepted = await enterpriseApi.PostAsync($"/api/offers/{offer}/accept", null);
        return (officeApi, enterpriseApi, parkApi, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dealId").GetGuid());
    }

    [Fact]
    public async Task An_anonymous_visitor_sees_the_progress_and_its_chart_move_when_a_deal_is_signed()
    {
        var (office, enterprise, _, deal) = await AgreedDealAsync(await app.CreateUserAsync(OrganizationType.ParkOffice));
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Targets?year={Year}");
        await Expect(page.Locator("[data-targets][data-live=connected]")).ToHaveCountAsync(1);
        await Expect(page.Locator("body[data-charts-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=progress-contracted]")).ToHaveTextAsync("¥0.00");

        foreach (var party in new[] { office, enterprise })
            (await party.PostAsJsonAsync($"/api/deals/{deal}/sign", new { contractDate = Today, registrationNumber = $"{DateTime.UtcNow.AddHours(8).Year}371000000888" })).EnsureSuccessStatusCode();

        await Expect(page.Locator("[data-testid=progress-contracted]")).ToHaveTextAsync("¥250,000.00");
        await Expect(page.Locator("[data-breakdown='deals.byCategory'] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-breakdown='deals.byCategory'] tbody th")).ToHaveTextAsync("独占许可");
        var figures = await (await context.APIRequest.GetAsync($"/api/targets?year={Year}")).JsonAsync();
        Assert.Equal(250_000m, figures!.Value.GetProperty("deals").GetProperty("contracted").GetDecimal());
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_white_paper_renders_its_charts_and_prints_to_pdf()
    {
        var parkUser = await app.CreateUserAsync(OrganizationType.ParkOffice);
        var (office, enterprise, park, deal) = await AgreedDealAsync(parkUser);
        foreach (var party in new[] { office, enterprise })
            (await party.PostAsJsonAsync($"/api/deals/{deal}/sign", new { contractDate = Today, registrationNumber = $"{DateTime.UtcNow.AddHours(8).Year}371000000999" })).EnsureSuccessStatusCode();

        var page = await BrowserSteps.SignedInPageAsync(app, parkUser);
        await page.GotoAsync($"/Reports/WhitePaper/{Year}");
        await Expect(page.Locator("body[data-charts-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=top-deals] tbody tr")).ToHaveCountAsync(1);
        var canvases = page.Locator(".white-paper canvas");
        Assert.Equal(7, await canvases.CountAsync());
        var box = await canvases.First.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 100 }, "the first chart has no size");

        var pdf = await park.GetAsync($"/api/reports/white-paper/{Year}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }
}
