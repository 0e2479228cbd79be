using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Matchmaking;

/// <summary>A small market for matchmaking tests: an office with published listings, an enterprise, the park office.</summary>
public sealed class Market(Marketplace.Tests.Shared.MarketplaceApp app)
{
    public TestUser OfficeUser { get; private set; } = null!;
    public TestUser EnterpriseUser { get; private set; } = null!;
    public HttpClient Office { get; private set; } = null!;
    public HttpClient Enterprise { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;

    public async Task<Market> OpenAsync()
    {
        OfficeUser = await app.CreateUserAsync(OrganizationType.University);
        EnterpriseUser = await app.CreateUserAsync(OrganizationType.Enterprise);
        Office = await app.ClientForAsync(OfficeUser);
        Enterprise = await app.ClientForAsync(EnterpriseUser);
        Admin = await app.ClientForAsync(await app.CreateUserAsync(OrganizationType.ParkOffice));
        return this;
    }

    /// <summary>A patent of the office, listed with the given terms and approved.</summary>
    public async Task<Guid> PublishAsync(int n, string titleZh, string abstractZh, string[] ipc, object terms)
    {
        var patent = PatentSamples.Patent(n);
        patent["titleZh"] = titleZh;
        patent["titleEn"] = null;
        patent["abstractZh"] = abstractZh;
        patent["ipcCodes"] = ipc;
        var patentId = (await Json(await Office.PostAsJsonAsync("/api/patents", patent))).GetProperty("id").GetGuid();
        var listingId = (await Json(await Office.PostAsJsonAsync("/api/listings", new { patentId, terms }))).GetProperty("id").GetGuid();
        await Json(await Office.PostAsync($"/api/listings/{listingId}/submit", null));
        await Json(await Admin.PostAsync($"/api/listings/{listingId}/approve", null));
        return listingId;
    }

    public static object Need(string title = "船舶导航定位技术", string description = "需要用于近海船舶的智能导航装置，提高定位精度。",
        string[]? ipc = null, decimal? budgetMin = 100_000m, decimal? budgetMax = 500_000m, string[]? modes = null, int days = 60,
        string visibility = "Public") => new
    {
        details = new
        {
            title, description, ipcCodes = ipc ?? ["G01C 21/00"], keywords = new[] { "导航", "船舶" }, budgetMin, budgetMax,
            preferredModes = modes ?? ["Licence"], deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(days), visibility,
        },
    };

    /// <summary>Posts a need and has the park office approve it.</summary>
    public async Task<Guid> OpenNeedAsync(object? need = null)
    {
        var id = (await Json(await Enterprise.PostAsJsonAsync("/api/needs", need ?? Need()))).GetProperty("id").GetGuid();
        await Json(await Admin.PostAsync($"/api/needs/{id}/approve", null));
        return id;
    }

    /// <summary>What the background workers do within a second: index the changes, then rematch.</summary>
    public async Task SettleAsync()
    {
        await app.Services.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<MatchingWorker>().RunOnceAsync(CancellationToken.None);
    }

    public async Task<Guid> OpenInquiryAsync(Guid listingId, string message = "您好，想了解许可条件。")
    {
        var room = await Json(await Enterprise.PostAsJsonAsync("/api/inquiries", new { listingId, message }));
        return room.GetProperty("id").GetGuid();
    }

    public static object Licence(decimal lumpSum) => new
    {
        terms = new { mode = "Licence", licenceKind = "NonExclusive", territory = "中国大陆", termMonths = 36, lumpSum, royaltyRatePercent = 3m },
    };

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
