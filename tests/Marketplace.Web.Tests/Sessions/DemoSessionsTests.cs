using Marketplace.Web.Demo;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Sessions;

public sealed class DemoSessionsTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_demo_holds_four_sessions_a_year_with_reports_and_one_open_for_registration()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await DemoSeed.SeedAsync(scope.ServiceProvider, "Weihai-Demo-2026-test", TimeProvider.System, CancellationToken.None);

        var held = await Json(await App.CreateClient().GetAsync("/api/sessions/held"));
        foreach (var year in held.EnumerateArray().Where(y => y.GetProperty("year").GetInt32() is >= 2023 and <= 2025))
            Assert.True(year.GetProperty("held").GetInt32() >= 4, year.ToString());
        var open = await Json(await App.CreateClient().GetAsync("/api/sessions?status=Open"));
        var upcoming = Assert.Single(open.EnumerateArray());
        Assert.True(upcoming.GetProperty("agenda").GetArrayLength() >= 3);

        var past = (await Json(await App.CreateClient().GetAsync("/api/sessions?status=Closed"))).EnumerateArray().First().GetProperty("id").GetGuid();
        var admin = await App.ClientForAsync(await App.CreateUserAsync(Domain.Organizations.OrganizationType.ParkOffice));
        var report = await Json(await admin.GetAsync($"/api/sessions/{past}/report"));
        Assert.True(report.GetProperty("attended").GetInt32() > 0 && report.GetProperty("leads").GetInt32() > 0 && report.GetProperty("dealAmount").GetDecimal() > 0, report.ToString());
    }
}
