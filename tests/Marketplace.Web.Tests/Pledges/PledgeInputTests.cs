using System.Net;
using System.Net.Http.Json;
using Marketplace.Domain.Organizations;

namespace Marketplace.Web.Tests.Pledges;

public sealed class PledgeInputTests(WebApp app) : AppTest(app)
{
    public enum Case { ZeroAmount, NegativeAmount, AbsurdAmount, AnotherCompanysPatent, ExpiredPatent, TermTooShort, NoPatents, StaleBank }

    [Theory]
    [InlineData(Case.ZeroAmount, "requestedAmount", "more than zero")]
    [InlineData(Case.NegativeAmount, "requestedAmount", "negative")]
    [InlineData(Case.AbsurdAmount, "requestedAmount", "absurd")]
    [InlineData(Case.AnotherCompanysPatent, "patents[0].patentId", "No such patent of your organisation")]
    [InlineData(Case.ExpiredPatent, "patents[0].patentId", "not in force")]
    [InlineData(Case.TermTooShort, "patents[0].patentId", "remaining term")]
    [InlineData(Case.NoPatents, "patents", "1 to 20")]
    [InlineData(Case.StaleBank, "bankId", "bank")]
    public async Task Bad_input_names_the_field_and_writes_nothing(Case bad, string field, string message)
    {
        var p = await PledgeParties.CreateAsync(App);
        var patentId = bad switch
        {
            Case.AnotherCompanysPatent => await PledgeParties.RegisterAsync(
                await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise)), PledgeSamples.Invention(2)),
            Case.ExpiredPatent => await PledgeParties.RegisterAsync(p.Applicant, PledgeSamples.Expired(3)),
            Case.TermTooShort => await PledgeParties.RegisterAsync(p.Applicant, PledgeSamples.ShortUtilityModel(4)),
            _ => await p.PatentAsync(1),
        };
        var body = PledgeSamples.Application(p.BankId, [patentId]);
        switch (bad)
        {
            case Case.ZeroAmount: body["requestedAmount"] = 0m; break;
            case Case.NegativeAmount: body["requestedAmount"] = -1m; break;
            case Case.AbsurdAmount: body["requestedAmount"] = 2_000_000_000_000m; break;
            case Case.NoPatents: body["patents"] = Array.Empty<object>(); break;
            case Case.StaleBank: body["bankId"] = p.Enterprise.OrganizationId; break;
        }

        var response = await p.Applicant.PostAsJsonAsync("/api/pledges", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await FieldErrorAsync(response, field));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM pledge_applications"));
    }

    [Fact]
    public async Task A_missing_body_field_is_400_not_500()
    {
        var p = await PledgeParties.CreateAsync(App);
        var body = PledgeSamples.Application(p.BankId, [await p.PatentAsync(1)]);
        body.Remove("valuation");
        var response = await p.Applicant.PostAsJsonAsync("/api/pledges", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, "valuation");
        var step = await p.Applicant.PostAsJsonAsync($"/api/pledges/{Guid.NewGuid()}/recommend", new { amount = "lots" });
        Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);
    }

    [Fact]
    public async Task Empty_step_bodies_are_400_naming_the_field()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = (await p.DraftAsync(await p.PatentAsync(1))).GetProperty("id").GetGuid();
        await PledgeParties.StepAsync(p.Applicant, id, "submit");
        await PledgeParties.StepAsync(p.OfficerClient, id, "take");
        var recommend = await p.OfficerClient.PostAsJsonAsync($"/api/pledges/{id}/recommend", new { });
        Assert.Equal(HttpStatusCode.BadRequest, recommend.StatusCode);
        await FieldErrorAsync(recommend, "amount");
        var question = await p.OfficerClient.PostAsJsonAsync($"/api/pledges/{id}/request-info", new { comment = " " });
        Assert.Equal(HttpStatusCode.BadRequest, question.StatusCode);
        await FieldErrorAsync(question, "comment");
        var tooHigh = await p.OfficerClient.PostAsJsonAsync($"/api/pledges/{id}/recommend", new { amount = 1_500_000.01m, ratePercent = 4m, termMonths = 12 });
        Assert.Contains("maximum loan", await FieldErrorAsync(tooHigh, "amount"));
    }
}
