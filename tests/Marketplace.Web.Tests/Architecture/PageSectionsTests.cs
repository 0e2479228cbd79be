using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Platform;
using Marketplace.Web.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Architecture;

/// <summary>
/// The home page and the listing page are composed of sections other features register (IHomeSection,
/// IListingPanel): each audience's sections have one stated order, and the page draws what is registered.
/// </summary>
public sealed class PageSectionsTests(WebApp app) : AppTest(app)
{
    [Fact]
    public void Each_audience_has_sections_in_one_unambiguous_order()
    {
        using var scope = App.Services.CreateScope();
        var sections = scope.ServiceProvider.GetServices<IHomeSection>().ToList();
        foreach (var audience in Enum.GetValues<HomeAudience>())
        {
            var orders = sections.Where(s => s.Audience.HasFlag(audience)).Select(s => s.Order).ToList();
            Assert.NotEmpty(orders);
            Assert.Equal(orders.Count, orders.Distinct().Count());
        }
        var panels = scope.ServiceProvider.GetServices<IListingPanel>().Select(p => p.Order).ToList();
        Assert.Equal(panels.Count, panels.Distinct().Count());
        Assert.Equal(2, panels.Count);
    }

    [Fact]
    public async Task The_park_office_sees_its_counters_in_order_and_the_plan_after_them()
    {
        var park = await App.CreateUserAsync(OrganizationType.ParkOffice);
        var form = new FormClient(App);
        await form.LoginAsync(park.Email, park.Password);
        var page = await form.Http.GetStringAsync("/");
        // From the counters on: the layout's menus link some of the same pages above them.
        var html = page[page.IndexOf("data-testid=\"home-park\"", StringComparison.Ordinal)..];
        string[] inOrder = ["/Listings/Moderation", "/Needs?show=review", "/Organizations/Verification", "/Sessions\"", "class=\"targets\""];
        var at = inOrder.Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
    }

    [Fact]
    public async Task An_office_sees_its_listings_then_its_rooms_then_the_needs_its_patents_fit()
    {
        var office = await App.CreateUserAsync(OrganizationType.University);
        var form = new FormClient(App);
        await form.LoginAsync(office.Email, office.Password);
        var html = await form.Http.GetStringAsync("/");
        string[] inOrder = ["data-testid=\"home-office\"", "暂无需要修改的挂牌。", "data-testid=\"home-rooms\"", "data-testid=\"matches\""];
        var at = inOrder.Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.DoesNotContain("data-testid=\"home-park\"", html);
    }
}
