using System.Net;
using Marketplace.Web.Tests.Matchmaking;

namespace Marketplace.Web.Tests.Pages;

/// <summary>Issue 22: the public pages (home, catalog, a listing, the search page) are rendered once per language for every anonymous
/// visitor, carry nothing of the visitor who filled the cache, and are evicted by the listing change that makes them stale.</summary>
public sealed class PageCacheTests(WebApp app) : AppTest(app)
{
    private const string Title = "一种船舶智能导航装置";

    [Theory]
    [InlineData("/")]
    [InlineData("/Listings")]
    [InlineData("/Listings?Type=Invention&Page=1")]
    [InlineData("/Listings/Detail/{listing}")]
    [InlineData("/Search?Q=%E5%AF%BC%E8%88%AA")]
    public async Task A_second_anonymous_visitor_gets_the_cached_page_with_no_cookie_or_token_of_the_first(string url)
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, Title, "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        await market.SettleAsync(); // indexed, for the search page
        url = url.Replace("{listing}", listing.ToString(), StringComparison.Ordinal);

        var first = await new FormClient(App).Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        var second = await new FormClient(App).Http.GetAsync(url);

        Assert.True(second.Headers.Age is not null, $"{url} was not served from the cache");
        Assert.False(first.Headers.TryGetValues("Set-Cookie", out var cookies), $"{url} set a cookie: {string.Join("; ", cookies ?? [])}");
        Assert.False(second.Headers.Contains("Set-Cookie"));
        var html = await second.Content.ReadAsStringAsync();
        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.Equal(await first.Content.ReadAsStringAsync(), html);
        Assert.Contains(Title, Text(html));
    }

    [Fact]
    public async Task Each_language_has_its_own_cached_page_and_the_switch_is_a_link()
    {
        var chinese = new FormClient(App);
        Assert.Contains("lang=\"zh-CN\"", await chinese.Http.GetStringAsync("/Listings"));
        var english = new FormClient(App);
        var switched = await english.Http.GetAsync("/culture?culture=en&returnUrl=%2FListings");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Listings", switched.Headers.Location?.OriginalString);

        var page = await english.Http.GetStringAsync("/Listings");
        Assert.Contains("lang=\"en\"", page);
        Assert.Contains("href=\"/culture?culture=zh-CN&amp;returnUrl=%2FListings\"", page);
        var again = await chinese.Http.GetAsync("/Listings");
        Assert.True(again.Headers.Age is not null);
        Assert.Contains("lang=\"zh-CN\"", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_visitor_never_gets_the_anonymous_copy()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, Title, "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var anonymous = App.CreateClient();
        await anonymous.GetStringAsync($"/Listings/Detail/{listing}");
        Assert.True((await anonymous.GetAsync($"/Listings/Detail/{listing}")).Headers.Age is not null);

        var office = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await office.LoginAsync(market.OfficeUser.Email, market.OfficeUser.Password)).StatusCode);
        var own = await office.Http.GetAsync($"/Listings/Detail/{listing}");
        Assert.Null(own.Headers.Age);
        Assert.Contains("data-testid=\"edit-listing\"", await own.Content.ReadAsStringAsync());
        Assert.Null((await office.Http.GetAsync("/")).Headers.Age);
    }

    [Fact]
    public async Task A_listing_change_evicts_the_cached_catalog_and_detail_at_its_commit()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, Title, "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var anonymous = App.CreateClient();
        Assert.Contains(Title, await anonymous.GetStringAsync("/Listings"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/Listings/Detail/{listing}")).StatusCode);
        Assert.True((await anonymous.GetAsync("/Listings")).Headers.Age is not null);

        await market.PublishAsync(2, "一种海水淡化装置", "海水淡化。", ["C02F 1/44"], PatentSamples.Licence());
        Assert.Contains("一种海水淡化装置", await anonymous.GetStringAsync("/Listings"));

        var version = (await Market.Json(await market.Office.GetAsync($"/api/listings/{listing}"))).GetProperty("version").GetUInt32();
        (await market.Office.PostAsync($"/api/listings/{listing}/withdraw?version={version}", null)).EnsureSuccessStatusCode();
        Assert.DoesNotContain(Title, await anonymous.GetStringAsync("/Listings"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Listings/Detail/{listing}")).StatusCode);
    }

    [Fact]
    public async Task A_cached_search_page_is_evicted_when_the_index_takes_a_change()
    {
        var market = await new Market(App).OpenAsync();
        await market.PublishAsync(1, Title, "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        await market.SettleAsync();
        var anonymous = App.CreateClient();
        const string url = "/Search?Q=%E8%88%B9%E8%88%B6";
        Assert.Contains(Title, Text(await anonymous.GetStringAsync(url)));
        Assert.True((await anonymous.GetAsync(url)).Headers.Age is not null, "the search page was not cached");

        await market.PublishAsync(2, "一种船舶压载水处理系统", "船舶压载水的过滤与消毒。", ["C02F 1/00"], PatentSamples.Licence());
        await market.SettleAsync(); // the index's change evicts the page (the indexer also polls on its own)
        var fresh = await anonymous.GetAsync(url);
        Assert.Null(fresh.Headers.Age);
        Assert.Contains("一种船舶压载水处理系统", Text(await fresh.Content.ReadAsStringAsync()));
    }

    /// <summary>The page's text without its markup (the search page marks the words it found).</summary>
    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");

    [Fact]
    public async Task A_parameter_the_page_does_not_read_is_never_cached()
    {
        var anonymous = App.CreateClient();
        for (var i = 0; i < 2; i++)
            Assert.Null((await anonymous.GetAsync("/Listings?buster=1")).Headers.Age);
        await anonymous.GetStringAsync("/Listings?page=2");
        Assert.True((await anonymous.GetAsync("/Listings?Page=2")).Headers.Age is not null, "the catalog's own parameter made no entry");
    }
}
