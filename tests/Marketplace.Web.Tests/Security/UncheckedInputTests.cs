using System.Net;
using System.Text;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Tests.Deals;

namespace Marketplace.Web.Tests.Security;

/// <summary>Issue 23, finding 5: inputs that used to be 500s, and the deal register's CSV that used to break off after its header.</summary>
public sealed class UncheckedInputTests(WebApp app) : AppTest(app)
{
    [Theory]
    [InlineData("minPrice=100000000000000000", "minPrice")]
    [InlineData("maxPrice=100000000000000000", "maxPrice")]
    [InlineData("minPrice=0&maxPrice=79228162514264337593543950335", "maxPrice")]
    public async Task A_price_bound_past_a_long_of_fen_is_400_naming_it(string query, string field)
    {
        var response = await App.CreateClient().GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, field);
        var page = await ErrorPageTests.GetHtmlAsync(App.CreateClient(), "/Search?" + query);
        Assert.True((int)page.StatusCode < 500, $"/Search?{query} answered {page.StatusCode}");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("10000")]
    [InlineData("2147483647")]
    public async Task A_deal_year_outside_the_calendar_is_400_for_the_api_the_page_and_the_export(string year)
    {
        var park = await App.CreateUserAsync(OrganizationType.ParkOffice);
        var client = await App.ClientForAsync(park);
        var list = await client.GetAsync("/api/deals?year=" + year);
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        await FieldErrorAsync(list, "year");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/deals/export.csv?year=" + year)).StatusCode);

        var form = new FormClient(App);
        await form.LoginAsync(park.Email, park.Password);
        var page = await ErrorPageTests.GetHtmlAsync(form.Http, "/Deals?year=" + year);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("data-testid=\"error-rule\"", await page.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("minAgeDays=2147483647")]
    [InlineData("maxAgeDays=2147483647")]
    [InlineData("minAgeDays=-2147483648&maxAgeDays=-2147483648")]
    public async Task Pledge_ages_near_the_int_limits_are_an_empty_or_full_queue_not_a_500(string query)
    {
        var officer = await App.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        var response = await (await App.ClientForAsync(officer)).GetAsync("/api/pledges?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/Listings\u0001", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/Listings?page=2", "/Listings?page=2")]
    public async Task The_language_switch_returns_only_to_this_site(string returnUrl, string expected)
    {
        var form = new FormClient(App);
        var switched = await form.Http.GetAsync("/culture?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(expected, switched.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_deal_register_exports_every_matching_deal()
    {
        var deal = await new DealScenario(App).AgreeAsync();
        await deal.ScheduleAsync(("Upfront", 300_000m));
        await deal.SignAsync();
        var response = await deal.Market.Admin.GetAsync("/api/deals/export.csv?status=Signed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Deal id", lines[0]);
        Assert.Contains(deal.DealId.ToString(), lines[1]);
        Assert.Contains(DealScenario.Contract, lines[1]);
    }
}
