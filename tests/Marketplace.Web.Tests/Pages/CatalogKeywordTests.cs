using System.Net;
using Marketplace.Web.Tests.Matchmaking;

namespace Marketplace.Web.Tests.Pages;

/// <summary>The catalog's keyword is a "title or application number contains" filter; where one was typed, the page
/// says so and offers the full-text search for the same words ("marine sensor" finds nothing in titles).</summary>
public sealed class CatalogKeywordTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task A_keyword_in_the_catalog_is_offered_to_the_full_text_search_in_the_readers_language()
    {
        var market = await new Market(App).OpenAsync();
        await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var client = App.CreateClient();

        var filtered = await client.GetStringAsync("/Listings?Q=" + Uri.EscapeDataString(" 导航 "));
        Assert.Contains("一种船舶智能导航装置", filtered);
        Assert.Contains("目录只在标题和申请号中查找这些字。", filtered);
        Assert.Contains($"href=\"/Search?Q={Uri.EscapeDataString("导航")}\"", filtered);
        Assert.Contains("在标题和摘要中检索“导航”", WebUtility.HtmlDecode(filtered));
        Assert.Contains("标题或申请号", filtered);

        var english = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await english.Http.GetAsync("/culture?culture=en&returnUrl=%2FListings")).StatusCode);
        var page = WebUtility.HtmlDecode(await english.Http.GetStringAsync("/Listings?Q=marine%20sensor"));
        Assert.Contains("Search titles and abstracts for “marine sensor”", page);
        Assert.Contains("href=\"/Search?Q=marine%20sensor\"", page);

        Assert.DoesNotContain("full-text-hint", await client.GetStringAsync("/Listings"));
    }
}
