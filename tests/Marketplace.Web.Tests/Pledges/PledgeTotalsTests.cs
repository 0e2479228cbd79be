using System.Net.Http.Json;
using System.Text.Json;
using static Marketplace.Web.Tests.Pledges.PledgeParties;

namespace Marketplace.Web.Tests.Pledges;

public sealed class PledgeTotalsTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Totals_always_equal_the_sum_recomputed_from_the_applications()
    {
        var p = await PledgeParties.CreateAsync(App);
        var ids = new List<Guid>();
        for (var n = 1; n <= 4; n++) ids.Add(await p.RecommendedAsync(n, amount: 250_000m * n));
        var registration = new { registrationNumber = PledgeSamples.Registration(1234), registeredOn = PledgeSamples.Today };

        var steps = new (Guid Id, HttpClient Client, string Step, object? Body)[]
        {
            (ids[0], p.ApproverClient, "approve", null),
            (ids[1], p.ApproverClient, "approve", null),
            (ids[2], p.ApproverClient, "reject", new { comment = "担保不足。" }),
            (ids[3], p.ApproverClient, "approve", null),
            (ids[0], p.OfficerClient, "register", registration),
            (ids[0], p.OfficerClient, "disburse", new { amount = 100_000m }),
            (ids[1], p.OfficerClient, "register", registration),
            (ids[0], p.OfficerClient, "disburse", new { amount = 150_000m }),
            (ids[1], p.OfficerClient, "disburse", new { amount = 123_456.78m }),
            (ids[0], p.OfficerClient, "repay", null),
            (ids[1], p.OfficerClient, "default", null),
            (ids[0], p.OfficerClient, "release", null),
        };
        foreach (var (id, client, step, body) in steps)
        {
            await StepAsync(client, id, step, body);
            await AssertTotalsMatchAsync(p.OfficerClient, ids);
        }
    }

    private static async Task AssertTotalsMatchAsync(HttpClient client, IEnumerable<Guid> ids)
    {
        var expectedDisbursed = 0m;
        var expectedUndrawn = 0m;
        foreach (var id in ids)
        {
            var a = await client.GetFromJsonAsync<JsonElement>($"/api/pledges/{id}");
            var disbursed = a.GetProperty("disbursements").EnumerateArray().Sum(d => d.GetProperty("amount").GetDecimal());
            Assert.Equal(disbursed, a.GetProperty("disbursedAmount").GetDecimal());
            expectedDisbursed += disbursed;
            if (a.GetProperty("status").GetString() is "Approved" or "PledgeRegistered" or "Disbursed")
                expectedUndrawn += a.GetProperty("approvedAmount").GetDecimal() - disbursed;
        }
        var figures = (await client.GetFromJsonAsync<JsonElement>(PledgeSamples.ThisYear)).GetProperty("pledgeFinancing");
        Assert.Equal(expectedDisbursed, figures.GetProperty("disbursed").GetDecimal());
        Assert.Equal(expectedUndrawn, figures.GetProperty("approvedNotDisbursed").GetDecimal());
        var byYear = figures.GetProperty("byYear").EnumerateArray().ToList();
        Assert.Equal(expectedDisbursed, byYear.Sum(y => y.GetProperty("disbursed").GetDecimal()));
    }
}
