using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Tests.Matchmaking;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests;

/// <summary>Anonymous listing reads come from the output cache; signed-in readers and changes are never served stale.</summary>
public sealed class ListingCacheTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task A_signed_in_office_reads_its_own_change_at_once_not_the_anonymous_copy()
    {
        var market = await new Market(App).OpenAsync();
        var id = await market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence());
        var cached = await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/listings/{id}");
        var office = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await office.LoginAsync(market.OfficeUser.Email, market.OfficeUser.Password)).StatusCode);

        await Market.Json(await market.Office.PutAsJsonAsync($"/api/listings/{id}",
            new { terms = PatentSamples.Licence(lumpSum: 180000m), version = cached.GetProperty("version").GetUInt32() }));
        // The cache is looked up before authentication reads the cookie; the office must still get its own change
        // at once, before the indexer has evicted the anonymous copy.
        var own = await office.Http.GetFromJsonAsync<JsonElement>($"/api/listings/{id}");
        Assert.NotEqual(cached.GetProperty("version").GetUInt32(), own.GetProperty("version").GetUInt32());
    }

    [Fact]
    public async Task An_anonymous_read_is_served_from_the_cache_until_the_listing_changes()
    {
        var market = await new Market(App).OpenAsync();
        var id = await market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence());
        var visitor = App.CreateClient();
        var first = await visitor.GetFromJsonAsync<JsonElement>($"/api/listings/{id}");
        var second = await visitor.GetAsync($"/api/listings/{id}");
        Assert.True(second.Headers.Age is not null, "the repeat was not served from the cache");

        Assert.Equal(HttpStatusCode.OK, (await market.Office.PostAsync($"/api/listings/{id}/withdraw?version={first.GetProperty("version")}", null)).StatusCode);
        await App.Services.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/listings/{id}")).StatusCode);
    }
}
