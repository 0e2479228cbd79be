using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Matchmaking;

namespace Marketplace.Web.Tests.Pages;

/// <summary>Issue 22: the public catalog pages by cursor (a page starts at a row, not after counting the rows before
/// it), and the pages a cursor walks are the pages the page numbers give.</summary>
public sealed partial class CatalogCursorTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_api_walks_the_catalog_by_its_link_headers_forwards_and_back_as_page_numbers_do()
    {
        var market = await new Market(App).OpenAsync();
        for (var n = 1; n <= 5; n++) await market.PublishAsync(n, $"一种船舶导航装置{n}", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var client = App.CreateClient();
        var byNumber = new List<Guid[]>();
        for (var page = 1; page <= 3; page++) byNumber.Add(Ids(await Market.Json(await client.GetAsync($"/api/listings?pageSize=2&page={page}"))));
        Assert.Equal(5, byNumber.SelectMany(p => p).Distinct().Count());

        var response = await client.GetAsync("/api/listings?pageSize=2");
        Assert.Null(Link(response, "prev"));
        var walked = new List<Guid[]> { Ids(await Market.Json(response)) };
        while (Link(response, "next") is { } next)
        {
            Assert.Contains("after=", next, StringComparison.OrdinalIgnoreCase);
            response = await client.GetAsync(next);
            walked.Add(Ids(await Market.Json(response)));
        }
        Assert.Equal(byNumber, walked);

        // Back from the last page: page 2 by a cursor before its first row, then page 1 itself.
        var back = await client.GetAsync(Link(response, "prev"));
        Assert.Equal(byNumber[1], Ids(await Market.Json(back)));
        Assert.Contains("before=", Link(response, "prev")!, StringComparison.OrdinalIgnoreCase);
        var first = Link(back, "prev")!;
        Assert.DoesNotContain("before=", first, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(byNumber[0], Ids(await Market.Json(await client.GetAsync(first))));
    }

    [Fact]
    public async Task The_catalog_page_links_to_the_next_page_by_cursor_and_shows_its_number()
    {
        var market = await new Market(App).OpenAsync();
        for (var n = 1; n <= 3; n++) await market.PublishAsync(n, $"一种海水淡化装置{n}", "海水淡化。", ["C02F 1/44"], PatentSamples.Licence());
        var client = App.CreateClient();
        var page1 = await client.GetStringAsync("/Listings?PageSize=2");
        var next = WebUtility.HtmlDecode(NextLink().Match(page1).Groups[1].Value);
        Assert.Contains("After=", next);
        var page2 = await client.GetStringAsync("/Listings" + next);
        Assert.Contains("2 / 2", page2);
        Assert.DoesNotContain("rel=\"next\"", page2);
        // Together the two pages show the three listings, none on both.
        var first = Title().Matches(page1).Select(m => m.Value).ToHashSet();
        var second = Title().Matches(page2).Select(m => m.Value).ToHashSet();
        Assert.Equal(2, first.Count);
        Assert.Single(second);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public async Task A_page_number_in_the_address_reaches_the_page_although_razor_pages_reserve_the_route_value_page()
    {
        var market = await new Market(App).OpenAsync();
        for (var n = 1; n <= 3; n++) await market.PublishAsync(n, $"一种海水淡化装置{n}", "海水淡化。", ["C02F 1/44"], PatentSamples.Licence());
        var client = App.CreateClient();
        var byNumber = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var html = await client.GetStringAsync($"/Listings?PageSize=1&Page={page}");
            Assert.Contains($"{page} / 3", html);
            byNumber.Add(Assert.Single(Title().Matches(html).Select(m => m.Value).Distinct()));
        }
        Assert.Equal(3, byNumber.Distinct().Count());
    }

    [Theory]
    [InlineData("/api/listings?after=abc", "after")]
    [InlineData("/api/listings?before=1.2.nothex", "before")]
    [InlineData("/api/listings?after=99999999999999999999.1.00000000000000000000000000000000", "after")]
    public async Task A_damaged_cursor_is_400_naming_it_in_chinese(string url, string field)
    {
        var response = await Notifications.Notices.InChinese(App.CreateClient()).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("翻页链接", await FieldErrorAsync(response, field));
    }

    [Fact]
    public async Task An_office_pages_its_own_listings_by_number_and_a_cursor_there_is_400()
    {
        var market = await new Market(App).OpenAsync();
        await market.PublishAsync(1, "一种船舶导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var response = await market.Office.GetAsync($"/api/listings?mine=true&after={DateTimeOffset.UtcNow.UtcTicks}.{DateTimeOffset.UtcNow.UtcTicks}.{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, "after");
    }

    private static Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    /// <summary>The address of the Link header's entry with this relation, or null.</summary>
    private static string? Link(HttpResponseMessage response, string relation) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.SelectMany(v => v.Split(", ")).Select(l => LinkEntry().Match(l)).Where(m => m.Success && m.Groups[2].Value == relation)
                .Select(m => m.Groups[1].Value).FirstOrDefault()
            : null;

    [GeneratedRegex("^<([^>]+)>; rel=\"(\\w+)\"$")]
    private static partial Regex LinkEntry();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("一种海水淡化装置[0-9]")]
    private static partial Regex Title();
}
