using System.Net;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Matchmaking;

public sealed class MatchmakingPagesTests(WebApp app) : AppTest(app)
{
    private static (string, string)[] NeedForm(string budgetMin, string budgetMax) =>
    [
        ("Form.Title", "船舶导航定位技术"), ("Form.Description", "近海船舶导航定位。"), ("Form.IpcCodes", "G01C 21/20"),
        ("Form.Keywords", "导航；船舶"), ("Form.BudgetMin", budgetMin), ("Form.BudgetMax", budgetMax), ("Form.Modes", "Licence"),
        ("Form.Deadline", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd")), ("Form.Visibility", "Public"),
    ];

    [Fact]
    public async Task Enterprise_posts_a_need_through_the_form_and_a_refused_one_keeps_the_input_and_writes_nothing()
    {
        var market = await new Market(App).OpenAsync();
        var browser = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync(market.EnterpriseUser.Email, market.EnterpriseUser.Password)).StatusCode);

        var (_, token) = await browser.GetPageAsync("/Needs/New");
        var refused = await browser.PostFormAsync("/Needs/New", token, NeedForm("900000", "100000"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("预算下限高于预算上限。", html);
        Assert.Contains("船舶导航定位技术", html);
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().Needs.CountAsync());

        var saved = await browser.PostFormAsync("/Needs/New", token, NeedForm("100000", "500000"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/Needs/Detail/", saved.Headers.Location!.OriginalString);
        var detail = await browser.Http.GetStringAsync(saved.Headers.Location);
        Assert.Contains("待审核", detail);

        foreach (var page in new[] { "/", "/Needs", "/Needs?show=mine", "/Inquiries" })
            Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync(page)).StatusCode);
    }
}
