using System.Net.Http.Json;
using System.Text.Json;
using static Marketplace.Web.Tests.Pledges.PledgeParties;

namespace Marketplace.Web.Tests.Pledges;

/// <summary>A patent that secured a loan registered through the platform has been put to use: it no longer sleeps.</summary>
public sealed class PledgeWakesPatentTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task A_registered_pledge_puts_its_patent_to_use_and_an_approval_alone_does_not()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = await p.RecommendedAsync(7);
        var patentId = (await StepAsync(p.ApproverClient, id, "approve")).GetProperty("patents")[0].GetProperty("patentId").GetGuid();
        Assert.Equal(JsonValueKind.Null, (await PatentAsync(p, patentId)).GetProperty("awakenedOn").ValueKind);

        await StepAsync(p.OfficerClient, id, "register", new { registrationNumber = PledgeSamples.Registration(77), registeredOn = PledgeSamples.Today });
        Assert.Equal(PledgeSamples.Today, (await PatentAsync(p, patentId)).GetProperty("awakenedOn").GetString());
    }

    private static async Task<JsonElement> PatentAsync(PledgeParties p, Guid patentId) =>
        await p.Applicant.GetFromJsonAsync<JsonElement>($"/api/patents/{patentId}");
}
