using System.Net;
using System.Net.Http.Json;
using static Marketplace.Web.Tests.Pledges.PledgeParties;

namespace Marketplace.Web.Tests.Pledges;

public sealed class PledgeLockTests(WebApp app) : AppTest(app)
{
    private static readonly object Transfer = new { transfer = new { askingPrice = 500_000m, negotiable = false } };

    [Fact]
    public async Task A_registered_pledge_locks_the_patent_on_the_market_until_released()
    {
        var p = await PledgeParties.CreateAsync(App);
        var patentId = await p.PatentAsync(1);
        var id = (await p.DraftAsync(patentId)).GetProperty("id").GetGuid();
        // A draft or a pending application locks nothing: only the registered pledge does.
        Assert.Equal(HttpStatusCode.Created, (await p.Applicant.PostAsJsonAsync("/api/pledges", PledgeSamples.Application(p.BankId, [patentId]))).StatusCode);
        await StepAsync(p.Applicant, id, "submit");
        await StepAsync(p.OfficerClient, id, "take");
        await StepAsync(p.OfficerClient, id, "recommend", new { amount = 1_000_000m, ratePercent = 4.35m, termMonths = 24 });
        await StepAsync(p.ApproverClient, id, "approve");
        await StepAsync(p.OfficerClient, id, "register", new { registrationNumber = PledgeSamples.Registration(1234), registeredOn = PledgeSamples.Today });

        var transfer = await p.Applicant.PostAsJsonAsync("/api/listings", new { patentId, terms = Transfer });
        Assert.Equal(HttpStatusCode.Conflict, transfer.StatusCode);
        Assert.Contains("pledged", await FieldErrorAsync(transfer, "modes"));
        Assert.Equal(HttpStatusCode.Created, (await p.Applicant.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() })).StatusCode);

        var second = await p.Applicant.PostAsJsonAsync("/api/pledges", PledgeSamples.Application(p.BankId, [patentId]));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already under an active pledge", await FieldErrorAsync(second, "patents[0].patentId"));

        await StepAsync(p.OfficerClient, id, "disburse", new { amount = 1_000_000m });
        await StepAsync(p.OfficerClient, id, "repay");
        await StepAsync(p.OfficerClient, id, "release");
        Assert.Equal(HttpStatusCode.Created, (await p.Applicant.PostAsJsonAsync("/api/listings", new { patentId, terms = Transfer })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await p.Applicant.PostAsJsonAsync("/api/pledges", PledgeSamples.Application(p.BankId, [patentId]))).StatusCode);
    }

    [Fact]
    public async Task The_pledgees_recorded_consent_frees_the_patent_for_transfer()
    {
        var p = await PledgeParties.CreateAsync(App);
        var patentId = await p.PatentAsync(1);
        var id = (await p.DraftAsync(patentId)).GetProperty("id").GetGuid();
        await StepAsync(p.Applicant, id, "submit");
        await StepAsync(p.OfficerClient, id, "take");
        await StepAsync(p.OfficerClient, id, "recommend", new { amount = 1_000_000m, ratePercent = 4.35m, termMonths = 24 });
        await StepAsync(p.ApproverClient, id, "approve");
        await StepAsync(p.OfficerClient, id, "register", new { registrationNumber = PledgeSamples.Registration(1234), registeredOn = PledgeSamples.Today });
        await StepAsync(p.ApproverClient, id, "pledgee-consent", new { comment = "同意质押期间转让，转让款优先还贷。" });
        Assert.Equal(HttpStatusCode.Created, (await p.Applicant.PostAsJsonAsync("/api/listings", new { patentId, terms = Transfer })).StatusCode);
    }
}
