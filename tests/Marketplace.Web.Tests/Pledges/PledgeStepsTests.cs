using System.Net;
using System.Net.Http.Json;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Features.Pledges;
using Marketplace.Tests.Shared;
using Marketplace.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Pledges;

/// <summary>
/// <see cref="PledgeSteps.All"/> is the one list of steps: each is mapped by the API under its policy, offered by the
/// detail page to its party wherever the lifecycle allows it, and refused to a caller of the wrong role.
/// </summary>
public sealed class PledgeStepsTests(WebApp app) : AppTest(app)
{
    [Fact]
    public void Every_step_is_an_api_route_under_its_policy()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        foreach (var step in PledgeSteps.All)
        {
            var route = Assert.Single(endpoints, e => e.RoutePattern.RawText == "/api/pledges" + step.Route
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true);
            Assert.Contains(step.Policy, route.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
        }
        Assert.Equal(PledgeSteps.All.Count, PledgeSteps.All.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public async Task Along_a_loans_life_the_page_offers_each_possible_step_to_its_party_and_the_api_refuses_the_wrong_role()
    {
        var p = await PledgeParties.CreateAsync(App);
        var pages = new Dictionary<string, FormClient>
        {
            [PledgesFeature.Applicant] = await SignedInAsync(p.Enterprise), [PledgesFeature.BankStaff] = await SignedInAsync(p.Officer),
            [Roles.BankApprover] = await SignedInAsync(p.Approver),
        };
        var wrong = new Dictionary<string, HttpClient>
        {
            [PledgesFeature.Applicant] = p.OfficerClient, [PledgesFeature.BankStaff] = p.Applicant, [Roles.BankApprover] = p.OfficerClient,
        };
        var id = (await p.DraftAsync(await p.PatentAsync(1))).GetProperty("id").GetGuid();
        var offered = new HashSet<string>();

        async Task TakeAsync(HttpClient client, PledgeStep step, PledgeStatus expected, object? body = null)
        {
            var response = await PledgeParties.StepAsync(client, id, step.Name, body);
            Assert.Equal(expected.ToString(), response.GetProperty("status").GetString());
            await CheckAsync(expected);
        }

        async Task CheckAsync(PledgeStatus status)
        {
            foreach (var step in PledgeSteps.All)
            {
                // A bank does not see an application before it is submitted: its page is a 404 and offers nothing.
                var page = await pages[step.Policy].Http.GetAsync($"/Pledges/Detail/{id}");
                Assert.True(page.IsSuccessStatusCode || (page.StatusCode == HttpStatusCode.NotFound && status == PledgeStatus.Draft), $"{step.Name} in {status}: {page.StatusCode}");
                var html = page.IsSuccessStatusCode ? await page.Content.ReadAsStringAsync() : "";
                var shown = html.Contains($"data-testid=\"step-{step.Name}\"");
                Assert.True(shown == step.PossibleFrom(status), $"{step.Name} in {status}: shown {shown}");
                if (!shown) continue;
                offered.Add(step.Name);
                var refused = await wrong[step.Policy].PostAsJsonAsync($"/api/pledges/{id}/{step.Name}", new { });
                Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{step.Name}: {refused.StatusCode}");
            }
        }

        await CheckAsync(PledgeStatus.Draft);
        await TakeAsync(p.Applicant, PledgeSteps.Submit, PledgeStatus.Submitted);
        await TakeAsync(p.OfficerClient, PledgeSteps.Take, PledgeStatus.UnderReview);
        await TakeAsync(p.OfficerClient, PledgeSteps.RequestInfo, PledgeStatus.InfoRequested, new { comment = "请说明还款来源。" });
        await TakeAsync(p.Applicant, PledgeSteps.Answer, PledgeStatus.UnderReview, new { comment = "以销售回款还款。" });
        await TakeAsync(p.OfficerClient, PledgeSteps.Recommend, PledgeStatus.Recommended,
            new { amount = 1_000_000m, ratePercent = 4.35m, termMonths = 24, conditions = "按季付息" });
        await TakeAsync(p.ApproverClient, PledgeSteps.Approve, PledgeStatus.Approved);
        await TakeAsync(p.OfficerClient, PledgeSteps.Register, PledgeStatus.PledgeRegistered,
            new { registrationNumber = PledgeSamples.Registration(4711), registeredOn = PledgeSamples.Today });
        // A first tranche of part of the loan, so a further one is still offered.
        await TakeAsync(p.OfficerClient, PledgeSteps.Disburse, PledgeStatus.Disbursed, new { amount = 400_000m, disbursedOn = PledgeSamples.Today });
        await TakeAsync(p.OfficerClient, PledgeSteps.Repay, PledgeStatus.Repaid);
        await TakeAsync(p.OfficerClient, PledgeSteps.Release, PledgeStatus.Released);

        Assert.Equal(PledgeSteps.All.Select(s => s.Name).Order(), offered.Order());
    }

    private async Task<FormClient> SignedInAsync(TestUser user)
    {
        var form = new FormClient(App);
        await form.LoginAsync(user.Email, user.Password);
        return form;
    }
}
