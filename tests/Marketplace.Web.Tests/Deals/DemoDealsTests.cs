using Marketplace.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Deals;

public sealed class DemoDealsTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task The_demo_seed_has_deals_in_every_mode_and_state_with_totals_that_add_up_short_of_the_target()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await DemoSeed.SeedAsync(scope.ServiceProvider, DemoOptions.DefaultPassword, TimeProvider.System, CancellationToken.None);

        Assert.Equal(5, await App.Database.CountAsync("SELECT count(DISTINCT status) FROM deals"));
        Assert.Equal(4, await App.Database.CountAsync("SELECT count(DISTINCT mode) FROM deals"));
        Assert.Equal(3, await App.Database.CountAsync("SELECT count(DISTINCT year) FROM deal_totals"));
        Assert.True(await App.Database.CountAsync("SELECT count(*) FROM instalments WHERE method = 'BankTransfer' AND paid > 0") >= 5);
        // The kept totals equal the sum over the deals that count (signed, recorded or completed) ...
        Assert.Equal(1, await App.Database.CountAsync("""
            SELECT count(*) FROM (SELECT sum(contracted) c, sum(received) r, sum(deals) n FROM deal_totals) t
            WHERE (t.c, t.r, t.n) = (SELECT sum(contract_amount), sum(received), count(*) FROM deals WHERE status IN ('Signed', 'Recorded', 'Completed'))
            """));
        // ... and a believable pilot year stays well short of the 3,000,000 yuan target.
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM deal_totals GROUP BY year HAVING sum(contracted) >= 3000000"));
    }
}
