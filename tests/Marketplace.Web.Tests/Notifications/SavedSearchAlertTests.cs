using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Web.Features.SavedSearches;
using Marketplace.Web.Tests.Matchmaking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Notifications;

public sealed class SavedSearchAlertTests(WebApp app) : AppTest(app)
{
    private Task<int> AlertAsync() => App.Services.GetRequiredService<SavedSearchAlerts>().RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task An_enterprise_is_told_once_of_a_new_listing_its_saved_search_finds_and_not_of_one_it_does_not()
    {
        var market = await new Market(App).OpenAsync();
        var saved = await Json(await market.Enterprise.PostAsJsonAsync("/api/saved-searches",
            new { name = "船舶导航", query = new { q = "导航", type = new[] { "Invention" } } }));
        await Json(await market.Enterprise.PostAsJsonAsync("/api/saved-searches", new { name = "电池", query = new { q = "锂电池" } }));
        Assert.Equal("船舶导航", saved.GetProperty("name").GetString());

        var ship = await market.PublishAsync(1, "一种船舶智能导航装置", "利用多传感器融合实现船舶导航。", ["G01C 21/20"], PatentSamples.Licence());
        var stapler = await market.PublishAsync(2, "一种省力订书机", "通过杠杆结构降低按压力。", ["B25C 5/02"], PatentSamples.Licence());
        await AlertAsync();

        var told = Assert.Single(await Notices.ItemsAsync(market.Enterprise, "search.match"));
        Assert.Equal("A new listing matches your saved search \"船舶导航\": 一种船舶智能导航装置", told.GetProperty("text").GetString());
        Assert.Equal($"/Listings/Detail/{ship}", told.GetProperty("url").GetString());
        Assert.Equal(ship, told.GetProperty("subjectId").GetGuid());
        // The office published them; its own listings are no news to it.
        Assert.Empty(await Notices.ItemsAsync(market.Office, "search.match"));

        // The listing queued again (published anew after an edit, or a pass repeated after a crash) tells nobody twice.
        await Notices.DbAsync(App, db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO published_listings (listing_id, queued_at) VALUES ({0}, now()), ({1}, now())", ship, stapler));
        await AlertAsync();
        Assert.Single(await Notices.ItemsAsync(market.Enterprise, "search.match"));
        Assert.Equal(0, await Notices.DbAsync(App, db => db.PublishedListings.CountAsync()));
    }

    [Fact]
    public async Task A_search_is_saved_from_the_search_page_and_bad_ones_are_refused_by_field()
    {
        var market = await new Market(App).OpenAsync();
        var form = new FormClient(App);
        await form.LoginAsync(market.EnterpriseUser.Email, market.EnterpriseUser.Password);
        var (page, token) = await form.GetPageAsync("/Search?q=%E5%AF%BC%E8%88%AA&Type=Invention");
        var saveForm = Regex.Match(page, "<form[^>]*data-testid=\"save-search\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(saveForm.Success, "no save-search form on the search page");
        var fields = Regex.Matches(saveForm.Groups[1].Value, "<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).Where(f => f.Item1 != "__RequestVerificationToken").ToArray();
        Assert.Contains("__RequestVerificationToken", saveForm.Value);
        var posted = await form.PostFormAsync("/SavedSearches?handler=Save", token, fields);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var mine = await Json(await market.Enterprise.GetAsync("/api/saved-searches"));
        var one = Assert.Single(mine.EnumerateArray());
        Assert.Equal(("导航", "导航", "Invention"), (one.GetProperty("name").GetString(), one.GetProperty("query").GetProperty("q").GetString(),
            one.GetProperty("query").GetProperty("type")[0].GetString()));

        var everything = await market.Enterprise.PostAsJsonAsync("/api/saved-searches", new { name = "全部", query = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, everything.StatusCode);
        Assert.NotEmpty(await FieldErrorAsync(everything, "query"));
        var badType = await market.Enterprise.PostAsJsonAsync("/api/saved-searches", new { name = "x", query = new { q = "导航", type = new[] { "Spaceship" } } });
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.NotEmpty(await FieldErrorAsync(badType, "query.type"));
        Assert.Equal(HttpStatusCode.Forbidden, (await market.Office.PostAsJsonAsync("/api/saved-searches", new { name = "x", query = new { q = "导航" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await market.Enterprise.DeleteAsync($"/api/saved-searches/{Guid.NewGuid()}")).StatusCode);
        Assert.Single((await Json(await market.Enterprise.GetAsync("/api/saved-searches"))).EnumerateArray());
    }
}
