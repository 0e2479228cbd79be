using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Matchmaking;

namespace Marketplace.Web.Tests.Pages;

/// <summary>Issue 22: the most visited pages read little from the database, and what they keep in memory is dropped
/// by the change that makes it stale.</summary>
public sealed partial class PageStatementsTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Catalog_and_detail_take_at_most_three_statements_per_view_and_the_public_home_too()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        await market.PublishAsync(2, "一种海水淡化装置", "海水淡化。", ["C02F 1/44"], PatentSamples.Licence());
        var anonymous = App.CreateClient();
        var enterprise = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.LoginAsync(market.EnterpriseUser.Email, market.EnterpriseUser.Password)).StatusCode);

        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("enterprise", enterprise.Http) })
            foreach (var url in new[] { "/", "/Listings", "/Listings?Type=Invention&Page=2", $"/Listings/Detail/{listing}" })
            {
                // A signed-in home page is the role's work list, read for that person (not yet within three).
                if (url == "/" && who != "anonymous") continue;
                // The first view fills what is kept (totals, the market, the layout's counts); every later view is measured.
                (await client.GetAsync(url)).EnsureSuccessStatusCode();
                var statements = await CountAsync(client, url);
                Assert.True(statements <= 3, $"{url} ({who}) took {statements} statements");
                // An anonymous repeat is the cached page; a signed-in one reads the page's rows (and is counted).
                if (who == "anonymous") Assert.Equal(0, statements);
                else if (url.StartsWith("/Listings", StringComparison.Ordinal)) Assert.True(statements >= 1, $"{url} ({who}) was not counted");
            }
    }

    [Fact]
    public async Task A_published_or_withdrawn_listing_moves_the_kept_catalog_total_and_home_market_at_once()
    {
        var market = await new Market(App).OpenAsync();
        await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var anonymous = App.CreateClient();
        Assert.Equal(1, await TotalAsync(anonymous));
        Assert.DoesNotContain("一种海水淡化装置", await anonymous.GetStringAsync("/"));

        var second = await market.PublishAsync(2, "一种海水淡化装置", "海水淡化。", ["C02F 1/44"], PatentSamples.Licence());
        Assert.Equal(2, await TotalAsync(anonymous));
        Assert.Contains("一种海水淡化装置", await anonymous.GetStringAsync("/"));

        var version = (await Market.Json(await market.Office.GetAsync($"/api/listings/{second}"))).GetProperty("version").GetUInt32();
        (await market.Office.PostAsync($"/api/listings/{second}/withdraw?version={version}", null)).EnsureSuccessStatusCode();
        Assert.Equal(1, await TotalAsync(anonymous));
        Assert.DoesNotContain("一种海水淡化装置", await anonymous.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_layouts_unread_count_is_kept_and_moves_with_a_message_and_with_reading_the_room()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var room = await market.OpenInquiryAsync(listing);
        var office = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await office.LoginAsync(market.OfficeUser.Email, market.OfficeUser.Password)).StatusCode);

        Assert.Equal(1, await UnreadAsync(office.Http));
        Assert.Equal(1, await UnreadAsync(office.Http));
        (await office.Http.GetAsync($"/Inquiries/Room/{room}")).EnsureSuccessStatusCode();
        Assert.Equal(0, await UnreadAsync(office.Http));

        (await market.Enterprise.PostAsJsonAsync($"/api/inquiries/{room}/messages", new { body = "请问可以独占许可吗？" })).EnsureSuccessStatusCode();
        Assert.Equal(1, await UnreadAsync(office.Http));
    }

    [Fact]
    public async Task A_signed_in_home_is_kept_for_its_person_and_read_afresh_after_a_change()
    {
        var market = await new Market(App).OpenAsync();
        var listing = await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var enterprise = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.LoginAsync(market.EnterpriseUser.Email, market.EnterpriseUser.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.Http.GetAsync("/")).StatusCode);
        Assert.Equal(0, await CountAsync(enterprise.Http, "/"));

        // Opening a room is a change: the next view of the home reads it afresh and lists the room.
        var room = await market.OpenInquiryAsync(listing);
        Assert.Contains($"/Inquiries/Room/{room}", await enterprise.Http.GetStringAsync("/"));
        // Another person of another role has a home of their own.
        var office = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await office.LoginAsync(market.OfficeUser.Email, market.OfficeUser.Password)).StatusCode);
        Assert.True(await CountAsync(office.Http, "/") >= 1, "the office's home was not read for the office");
    }

    [Fact]
    public async Task A_page_far_past_the_end_of_the_catalog_answers_with_an_empty_page()
    {
        var market = await new Market(App).OpenAsync();
        await market.PublishAsync(1, "一种船舶智能导航装置", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var response = await App.CreateClient().GetAsync("/Listings?Page=5000&Q=%E8%88%B9&Type=Invention&Mode=Licence&Field=G&Sleeping=false");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("一种船舶智能导航装置", await response.Content.ReadAsStringAsync());
    }

    private Task<int> CountAsync(HttpClient client, string url) => StatementCounter.CountAsync(App.Services, client, url);

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/listings")).GetProperty("total").GetInt32();

    private static async Task<int> UnreadAsync(HttpClient client) =>
        int.Parse(Unread().Match(await client.GetStringAsync("/")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("data-unread=\"(\\d+)\"")]
    private static partial Regex Unread();
}
