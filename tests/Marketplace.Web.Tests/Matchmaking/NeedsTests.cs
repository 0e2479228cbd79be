using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Matchmaking;

public sealed class NeedsTests(WebApp app) : AppTest(app)
{
    private static readonly object LicenceTerms = PatentSamples.Licence(lumpSum: 300_000m);

    [Fact]
    public async Task A_need_is_matched_to_the_listings_that_fit_with_reasons()
    {
        var market = await new Market(App).OpenAsync();
        var navigation = await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位，提高定位精度。", ["G01C 21/20"], LicenceTerms);
        var stapler = await market.PublishAsync(2, "一种微创手术吻合器", "一种用于微创手术的吻合器。", ["A61B 17/068"], LicenceTerms);
        var needId = await market.OpenNeedAsync();
        await market.SettleAsync();

        var matches = (await market.Enterprise.GetFromJsonAsync<JsonElement>($"/api/needs/{needId}/matches")).EnumerateArray().ToList();
        var best = Assert.Single(matches);
        Assert.Equal(navigation, best.GetProperty("listingId").GetGuid());
        Assert.InRange(best.GetProperty("score").GetInt32(), 80, 100);
        var kinds = best.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();
        Assert.Contains("SameSubclass", kinds);
        Assert.Contains("WithinBudget", kinds);
        Assert.Contains("ModeOffered", kinds);
        Assert.Contains("SleepingPatent", kinds);
        Assert.Equal(6, best.GetProperty("explanation").GetArrayLength());

        // The office sees the need on its listing; the stapler fits no need.
        var interested = await market.Office.GetFromJsonAsync<JsonElement>($"/api/listings/{navigation}/matches");
        Assert.Equal(needId, Assert.Single(interested.EnumerateArray()).GetProperty("needId").GetGuid());
        Assert.Empty((await market.Office.GetFromJsonAsync<JsonElement>($"/api/listings/{stapler}/matches")).EnumerateArray());
        var unmatched = await market.Admin.GetFromJsonAsync<JsonElement>("/api/needs/unmatched");
        Assert.Contains(unmatched.GetProperty("sleepingListings").EnumerateArray(), l => l.GetProperty("listingId").GetGuid() == stapler);
        Assert.Empty(unmatched.GetProperty("needs").EnumerateArray());
    }

    [Fact]
    public async Task A_listing_published_later_is_matched_through_the_outbox()
    {
        var market = await new Market(App).OpenAsync();
        var needId = await market.OpenNeedAsync();
        await market.SettleAsync();
        Assert.Empty((await market.Enterprise.GetFromJsonAsync<JsonElement>($"/api/needs/{needId}/matches")).EnumerateArray());
        Assert.Single((await market.Admin.GetFromJsonAsync<JsonElement>("/api/needs/unmatched")).GetProperty("needs").EnumerateArray());

        var listing = await market.PublishAsync(3, "船舶导航定位系统", "近海船舶导航定位。", ["G01C 21/00"], LicenceTerms);
        await market.SettleAsync();
        var match = Assert.Single((await market.Enterprise.GetFromJsonAsync<JsonElement>($"/api/needs/{needId}/matches")).EnumerateArray());
        Assert.Equal(listing, match.GetProperty("listingId").GetGuid());
        var recommended = await market.Enterprise.GetFromJsonAsync<JsonElement>("/api/recommendations");
        Assert.Equal(listing, Assert.Single(recommended.EnumerateArray()).GetProperty("listingId").GetGuid());

        // Withdrawing the listing takes it out of the results.
        await Json(await market.Office.PostAsync($"/api/listings/{listing}/withdraw", null));
        await market.SettleAsync();
        Assert.Empty((await market.Enterprise.GetFromJsonAsync<JsonElement>($"/api/needs/{needId}/matches")).EnumerateArray());
    }

    [Theory]
    [InlineData("budgetMin", 900_000, 500_000, 60, "above the highest")]
    [InlineData("deadline", 1, 2, -1, "after today")]
    [InlineData("budgetMax", 1, -2, 60, "negative")]
    public async Task Bad_needs_are_refused_naming_the_field_and_nothing_is_written(string field, decimal min, decimal max, int days, string message)
    {
        var market = await new Market(App).OpenAsync();
        var response = await market.Enterprise.PostAsJsonAsync("/api/needs", Need(budgetMin: min, budgetMax: max, days: days));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await FieldErrorAsync(response, field));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().Needs.CountAsync());
    }

    [Fact]
    public async Task Only_enterprises_post_needs_and_others_do_not_see_private_or_pending_ones()
    {
        var market = await new Market(App).OpenAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await market.Office.PostAsJsonAsync("/api/needs", Need())).StatusCode);
        var pending = (await Json(await market.Enterprise.PostAsJsonAsync("/api/needs", Need()))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await market.Office.GetAsync($"/api/needs/{pending}")).StatusCode);
        var hidden = await market.OpenNeedAsync(Need(visibility: "ParkOfficeOnly"));
        Assert.Equal(HttpStatusCode.NotFound, (await market.Office.GetAsync($"/api/needs/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await market.Admin.GetAsync($"/api/needs/{hidden}")).StatusCode);
        await Json(await market.Admin.PostAsync($"/api/needs/{pending}/approve", null));
        Assert.Equal(HttpStatusCode.OK, (await market.Office.GetAsync($"/api/needs/{pending}")).StatusCode);
    }

    [Fact]
    public async Task A_stale_edit_is_a_conflict()
    {
        var market = await new Market(App).OpenAsync();
        var need = await Json(await market.Enterprise.PostAsJsonAsync("/api/needs", Need()));
        var id = need.GetProperty("id").GetGuid();
        var version = need.GetProperty("version").GetUInt32();
        await Json(await market.Enterprise.PutAsJsonAsync($"/api/needs/{id}", new { ((dynamic)Need()).details, version }));
        var stale = await market.Enterprise.PutAsJsonAsync($"/api/needs/{id}", new { ((dynamic)Need()).details, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}
