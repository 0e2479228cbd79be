using Marketplace.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Pledges;

public sealed class DemoPledgesTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_demo_seed_has_a_dozen_applications_in_many_states_with_totals_that_add_up()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await DemoSeed.SeedAsync(scope.ServiceProvider, DemoOptions.DefaultPassword, TimeProvider.System, CancellationToken.None);

        Assert.Equal(12, await App.Database.CountAsync("SELECT count(*) FROM pledge_applications"));
        Assert.True(await App.Database.CountAsync("SELECT count(DISTINCT status) FROM pledge_applications") >= 9);
        Assert.Equal(2, await App.Database.CountAsync("SELECT count(DISTINCT bank_organization_id) FROM pledge_applications"));
        Assert.True(await App.Database.CountAsync("SELECT count(*) FROM audit_log WHERE entity = 'PledgeApplication'") > 40);
        Assert.Equal(1, await App.Database.CountAsync("""
            SELECT count(*) FROM (SELECT sum(disbursed) AS disbursed, sum(approved_not_disbursed) AS approved_not_disbursed FROM pledge_totals) t
            WHERE t.disbursed = (SELECT sum(disbursed_amount) FROM pledge_applications)
              AND t.approved_not_disbursed = (SELECT sum(approved_amount - disbursed_amount) FROM pledge_applications
                                              WHERE status IN ('Approved', 'PledgeRegistered', 'Disbursed'))
            """));
    }
}
