using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Tests.Notifications;

namespace Marketplace.Web.Tests.Pages;

/// <summary>Razor Pages keep the page's own path in the route value "page": a page number in the address, a link or a
/// redirect must still reach the page model (PageNumberValueProviderFactory), and links must not be written with it.</summary>
public sealed partial class PageNumberTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_second_page_of_notices_is_the_second_and_marking_one_read_there_comes_back_to_it()
    {
        var person = await App.CreateUserAsync(Domain.Organizations.OrganizationType.Enterprise);
        await Notices.PostAsync(App, person.Id, NoticeKinds.InquiryOpened, 30);
        var form = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await form.LoginAsync(person.Email, person.Password)).StatusCode);

        var (html, token) = await form.GetPageAsync("/Notifications?Page=2");
        Assert.Contains("2 / 2", html);
        Assert.Contains("第10号", html);
        Assert.DoesNotContain("第11号", html);

        var id = Guid.Parse(ReadForm().Match(html).Groups[1].Value);
        var response = await form.PostFormAsync($"/Notifications?handler=Read&id={id}&Page=2&Unread=False", token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Notifications?Page=2&Unread=false", response.Headers.Location!.OriginalString);
        Assert.NotNull(Assert.Single(await Notices.StoredAsync(App, person.Id), n => n.Id == id).ReadAt);
    }

    [Fact]
    public async Task The_audit_pager_writes_its_page_in_the_query_and_keeps_the_filters()
    {
        var admin = await App.CreateUserAsync(Domain.Organizations.OrganizationType.ParkOffice);
        var market = await new Matchmaking.Market(App).OpenAsync();
        for (var n = 1; n <= 30; n++) await market.PublishAsync(n, $"一种船舶导航装置{n}", "用于近海船舶的导航定位。", ["G01C 21/20"], PatentSamples.Licence());
        var form = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await form.LoginAsync(admin.Email, admin.Password)).StatusCode);
        var first = await form.Http.GetStringAsync("/Audit?Entity=Listing");
        Assert.Contains("href=\"?Entity=Listing&amp;Page=2\"", first);
        var second = await form.Http.GetStringAsync("/Audit?Entity=Listing&Page=2");
        Assert.Contains("href=\"?Entity=Listing&amp;Page=1\"", second);
        Assert.NotEqual(Entries().Matches(first).Select(m => m.Value), Entries().Matches(second).Select(m => m.Value));
    }

    [Fact]
    public void A_link_to_the_first_page_of_an_address_without_other_parameters_is_not_empty()
    {
        // An empty href is the current address: page 2's "previous" led to page 2 again.
        Assert.Equal("?", Features.Shared.PageLinks.With([new("Page", "2")], ["Page"]));
        Assert.Equal("?Type=Invention", Features.Shared.PageLinks.With([new("page", "2"), new("Type", "Invention")], ["Page"]));
        Assert.Equal("?Page=3", Features.Shared.PageLinks.Page([new("Page", "2")], 3));
    }

    [GeneratedRegex("action=\"\\?handler=Read&amp;id=([0-9a-f-]{36})&amp;Page=2")]
    private static partial Regex ReadForm();

    /// <summary>The listing ids the audit rows name.</summary>
    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Entries();
}
