using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Platform.Identity;
using static Marketplace.Web.Tests.Pledges.PledgeParties;

namespace Marketplace.Web.Tests.Pledges;

public sealed class PledgeFlowTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Enterprise_borrows_against_its_patent_from_application_to_release()
    {
        var p = await PledgeParties.CreateAsync(App);
        var patentId = await p.PatentAsync(1);
        var preview = await PledgeSamples.OkAsync(await p.Applicant.PostAsJsonAsync("/api/pledges/eligibility",
            PledgeSamples.Application(p.BankId, [patentId], requested: 2_000_000m)));
        Assert.True(preview.GetProperty("allEligible").GetBoolean());
        Assert.Equal(1_500_000m, preview.GetProperty("loanToValue").GetProperty("maxLoan").GetDecimal());
        Assert.True(preview.GetProperty("loanToValue").GetProperty("exceedsMax").GetBoolean());

        var draft = await p.DraftAsync(patentId);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await p.OfficerClient.GetAsync($"/api/pledges/{id}")).StatusCode);

        await StepAsync(p.Applicant, id, "submit");
        await StepAsync(p.OfficerClient, id, "take");
        await StepAsync(p.OfficerClient, id, "request-info", new { comment = "请补充近三年审计报告。" });
        await StepAsync(p.Applicant, id, "answer", new { comment = "已上传审计报告。" });
        var recommended = await StepAsync(p.OfficerClient, id, "recommend", new { amount = 1_000_000m, ratePercent = 4.35m, termMonths = 24, conditions = "按季付息" });
        Assert.Equal(33.33m, recommended.GetProperty("loanToValue").GetProperty("ratioPercent").GetDecimal());
        await StepAsync(p.ApproverClient, id, "approve", new { comment = "同意。" });
        await StepAsync(p.OfficerClient, id, "register", new { registrationNumber = PledgeSamples.Registration(1234), registeredOn = PledgeSamples.Today });
        await StepAsync(p.OfficerClient, id, "disburse", new { amount = 600_000m, disbursedOn = PledgeSamples.Today });
        var disbursed = await StepAsync(p.OfficerClient, id, "disburse", new { amount = 400_000m });
        Assert.Equal(1_000_000m, disbursed.GetProperty("disbursedAmount").GetDecimal());
        await StepAsync(p.OfficerClient, id, "repay");
        var released = await StepAsync(p.OfficerClient, id, "release", new { comment = "质押登记已注销。" });
        Assert.Equal("Released", released.GetProperty("status").GetString());

        var history = await p.Applicant.GetFromJsonAsync<JsonElement>($"/api/pledges/{id}/history");
        Assert.Equal(["Created", "Submitted", "Taken", "InfoRequested", "Answered", "Recommended", "Approved", "Registered", "Disbursed", "Disbursed", "Repaid", "Released"],
            history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var approval = history.EnumerateArray().Single(h => h.GetProperty("action").GetString() == "Approved");
        Assert.Equal(("Recommended", "Approved", "同意。"), (approval.GetProperty("from").GetString(), approval.GetProperty("to").GetString(),
            approval.GetProperty("comment").GetString()));
        // Who acted reads as a person and their organisation, not an e-mail address.
        Assert.StartsWith(p.Approver.DisplayName + "（测试机构", approval.GetProperty("by").GetString());

        var targets = await p.Applicant.GetFromJsonAsync<JsonElement>(PledgeSamples.ThisYear);
        var pledges = targets.GetProperty("pledgeFinancing");
        // No plan covers this year: the figure stands without a target.
        Assert.Equal(JsonValueKind.Null, pledges.GetProperty("target").ValueKind);
        Assert.Equal(1_000_000m, pledges.GetProperty("disbursed").GetDecimal());
        Assert.Equal(0m, pledges.GetProperty("approvedNotDisbursed").GetDecimal());
    }

    [Fact]
    public async Task The_recommending_officer_cannot_approve_it()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = (await p.DraftAsync(await p.PatentAsync(1))).GetProperty("id").GetGuid();
        await StepAsync(p.Applicant, id, "submit");
        // An approver may review like an officer, but then another approver must decide.
        await StepAsync(p.ApproverClient, id, "take");
        await StepAsync(p.ApproverClient, id, "recommend", new { amount = 900_000m, ratePercent = 4.2m, termMonths = 24 });
        var own = await p.ApproverClient.PostAsJsonAsync($"/api/pledges/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("cannot also decide", await FieldErrorAsync(own, "decidedBy"));
        Assert.Equal(HttpStatusCode.Forbidden, (await p.OfficerClient.PostAsJsonAsync($"/api/pledges/{id}/approve", new { })).StatusCode);

        var second = await App.ClientForAsync(await App.AddMemberAsync(p.Officer, Roles.BankApprover));
        Assert.Equal("Approved", (await StepAsync(second, id, "approve")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Two_approvers_deciding_at_once_one_wins_the_other_gets_409_and_both_are_audited()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = await p.RecommendedAsync(1);
        var version = (await p.ApproverClient.GetFromJsonAsync<JsonElement>($"/api/pledges/{id}")).GetProperty("version").GetUInt32();
        var other = await App.ClientForAsync(await App.AddMemberAsync(p.Officer, Roles.BankApprover));

        var answers = await Task.WhenAll(
            p.ApproverClient.PostAsJsonAsync($"/api/pledges/{id}/approve", new { comment = "同意。", version }),
            other.PostAsJsonAsync($"/api/pledges/{id}/reject", new { comment = "风险过高。", version }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var history = (await p.ApproverClient.GetFromJsonAsync<JsonElement>($"/api/pledges/{id}/history")).EnumerateArray()
            .Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Single(history, a => a is "Approved" or "Rejected");
        Assert.Single(history, a => a is "ApprovedRefused" or "RejectedRefused");
    }

    [Fact]
    public async Task Approving_from_the_wrong_state_is_409()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = (await p.DraftAsync(await p.PatentAsync(1))).GetProperty("id").GetGuid();
        await StepAsync(p.Applicant, id, "submit");
        var response = await p.ApproverClient.PostAsJsonAsync($"/api/pledges/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("state Submitted", await FieldErrorAsync(response, "status"));
        Assert.Equal(HttpStatusCode.Conflict, (await p.Applicant.PostAsJsonAsync($"/api/pledges/{id}/submit", new { })).StatusCode);
    }

    [Fact]
    public async Task Disbursing_more_than_approved_is_400_and_changes_nothing()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = await p.RecommendedAsync(1, amount: 800_000m);
        await StepAsync(p.ApproverClient, id, "approve");
        await StepAsync(p.OfficerClient, id, "register", new { registrationNumber = PledgeSamples.Registration(1234), registeredOn = PledgeSamples.Today });
        await StepAsync(p.OfficerClient, id, "disburse", new { amount = 500_000m });
        var response = await p.OfficerClient.PostAsJsonAsync($"/api/pledges/{id}/disburse", new { amount = 300_000.01m });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("above the approved", await FieldErrorAsync(response, "amount"));
        var after = await p.OfficerClient.GetFromJsonAsync<JsonElement>($"/api/pledges/{id}");
        Assert.Equal(500_000m, after.GetProperty("disbursedAmount").GetDecimal());
        var pledges = (await p.OfficerClient.GetFromJsonAsync<JsonElement>(PledgeSamples.ThisYear)).GetProperty("pledgeFinancing");
        Assert.Equal((500_000m, 300_000m), (pledges.GetProperty("disbursed").GetDecimal(), pledges.GetProperty("approvedNotDisbursed").GetDecimal()));
    }
}
