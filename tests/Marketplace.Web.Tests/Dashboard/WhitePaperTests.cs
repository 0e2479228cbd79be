using System.Net;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Tests.Deals;

namespace Marketplace.Web.Tests.Dashboard;

public sealed class WhitePaperTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_park_office_reads_the_years_white_paper_with_its_largest_deals_and_others_do_not()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.SignAsync();
        var year = DateTime.UtcNow.AddHours(8).Year;
        var page = await s.Market.Admin.GetStringAsync($"/Reports/WhitePaper/{year}");
        Assert.Contains("data-testid=\"top-deals\"", page);
        Assert.Contains(DealScenario.Contract, page);
        Assert.Contains("data-breakdown=\"deals.byCategory\"", page);
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/Reports/WhitePaper/{year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Seller.GetAsync($"/Reports/WhitePaper/{year}")).StatusCode);
    }

    [Fact]
    public async Task The_pdf_is_a_503_problem_where_no_browser_can_print_it_and_a_bad_year_a_400()
    {
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        // The test server listens on no socket a browser could open, so it can never print.
        var pdf = await admin.GetAsync("/api/reports/white-paper/2024");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        await FieldErrorAsync(await admin.GetAsync("/api/reports/white-paper/1999"), "year");
    }
}
