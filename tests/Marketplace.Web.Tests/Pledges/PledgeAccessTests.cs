using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Accounts;
using static Marketplace.Web.Tests.Pledges.PledgeParties;

namespace Marketplace.Web.Tests.Pledges;

public sealed class PledgeAccessTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Officer_of_another_bank_gets_404()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = (await p.DraftAsync(await p.PatentAsync(1))).GetProperty("id").GetGuid();
        await StepAsync(p.Applicant, id, "submit");
        var otherBank = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Bank, role: Roles.BankApprover));

        Assert.Equal(HttpStatusCode.NotFound, (await otherBank.GetAsync($"/api/pledges/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBank.GetAsync($"/api/pledges/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBank.PostAsJsonAsync($"/api/pledges/{id}/take", new { })).StatusCode);
        Assert.Equal(0, (await otherBank.GetFromJsonAsync<JsonElement>("/api/pledges")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await p.OfficerClient.GetFromJsonAsync<JsonElement>("/api/pledges?state=Submitted")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Applicants_see_only_their_own_and_the_park_office_sees_all_read_only()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = (await p.DraftAsync(await p.PatentAsync(1))).GetProperty("id").GetGuid();
        await StepAsync(p.Applicant, id, "submit");
        var stranger = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/pledges/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/pledges/{id}/withdraw", new { })).StatusCode);

        var park = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        Assert.Equal(HttpStatusCode.OK, (await park.GetAsync($"/api/pledges/{id}")).StatusCode);
        Assert.Equal(1, (await park.GetFromJsonAsync<JsonElement>("/api/pledges")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await park.PostAsJsonAsync($"/api/pledges/{id}/take", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await park.PostAsJsonAsync($"/api/pledges/{id}/withdraw", new { })).StatusCode);
    }

    [Fact]
    public async Task The_queue_filters_by_state_age_and_amount()
    {
        var p = await PledgeParties.CreateAsync(App);
        foreach (var (n, amount) in new[] { (1, 500_000m), (2, 1_200_000m) })
        {
            var body = PledgeSamples.Application(p.BankId, [await p.PatentAsync(n)], requested: amount);
            var id = (await PledgeSamples.OkAsync(await p.Applicant.PostAsJsonAsync("/api/pledges", body))).GetProperty("id").GetGuid();
            await StepAsync(p.Applicant, id, "submit");
        }
        int Total(JsonElement page) => page.GetProperty("total").GetInt32();
        Assert.Equal(1, Total(await p.OfficerClient.GetFromJsonAsync<JsonElement>("/api/pledges?minAmount=1000000")));
        Assert.Equal(1, Total(await p.OfficerClient.GetFromJsonAsync<JsonElement>("/api/pledges?maxAmount=600000")));
        Assert.Equal(2, Total(await p.OfficerClient.GetFromJsonAsync<JsonElement>("/api/pledges?maxAgeDays=1")));
        Assert.Equal(0, Total(await p.OfficerClient.GetFromJsonAsync<JsonElement>("/api/pledges?minAgeDays=3")));
        Assert.Equal(0, Total(await p.OfficerClient.GetFromJsonAsync<JsonElement>("/api/pledges?state=UnderReview")));
    }

    [Fact]
    public async Task A_bank_administrator_sets_the_banks_own_policy_which_the_eligibility_uses()
    {
        var p = await PledgeParties.CreateAsync(App);
        var patentId = await p.PatentAsync(1);
        var admin = await App.ClientForAsync(await App.AddMemberAsync(p.Officer, Roles.OrganizationAdmin));
        var policy = new { inventionCapPercent = 60m, utilityModelCapPercent = 30m, designCapPercent = 30m, inventionMinYears = 15, utilityModelMinYears = 4, designMinYears = 4 };
        Assert.Equal(HttpStatusCode.Forbidden, (await p.OfficerClient.PutAsJsonAsync("/api/pledges/policy", policy)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.ApproverClient.PutAsJsonAsync("/api/pledges/policy", policy)).StatusCode);
        await PledgeSamples.OkAsync(await admin.PutAsJsonAsync("/api/pledges/policy", policy));
        var bad = await admin.PutAsJsonAsync("/api/pledges/policy", policy with { designCapPercent = 120m });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        await FieldErrorAsync(bad, "designCapPercent");

        var preview = await PledgeSamples.OkAsync(await p.Applicant.PostAsJsonAsync("/api/pledges/eligibility", PledgeSamples.Application(p.BankId, [patentId])));
        Assert.Equal(1_800_000m, preview.GetProperty("loanToValue").GetProperty("maxLoan").GetDecimal());
        Assert.Equal(["TermTooShort"], preview.GetProperty("patents")[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }
}
