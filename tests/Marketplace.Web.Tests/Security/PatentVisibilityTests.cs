using System.Net;
using System.Net.Http.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Tests.Pledges;
using static Marketplace.Web.Tests.Pledges.PledgeParties;

namespace Marketplace.Web.Tests.Security;

/// <summary>Issue 23, finding 2: another organisation's patent does not leak through the pledge eligibility preview.</summary>
public sealed class PatentVisibilityTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Another_organisations_pledged_patent_is_answered_like_an_unknown_id_by_the_preview_and_the_application()
    {
        var p = await PledgeParties.CreateAsync(App);
        var victimPatent = await p.PatentAsync(1);
        var pledged = await p.RecommendedAsync(2);
        await StepAsync(p.ApproverClient, pledged, "approve");
        await StepAsync(p.OfficerClient, pledged, "register", new { registrationNumber = "Y2026980001234", registeredOn = PledgeSamples.Today });
        var pledgedPatent = (await p.Applicant.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/pledges/{pledged}"))
            .GetProperty("patents")[0].GetProperty("patentId").GetGuid();
        var attacker = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));

        var unknown = await FieldErrorAsync(
            await attacker.PostAsJsonAsync("/api/pledges/eligibility", PledgeSamples.Application(p.BankId, [Guid.NewGuid()])), "patents[0].patentId");
        foreach (var foreign in new[] { victimPatent, pledgedPatent })
        {
            var preview = await attacker.PostAsJsonAsync("/api/pledges/eligibility", PledgeSamples.Application(p.BankId, [foreign]));
            Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
            var body = await preview.Content.ReadAsStringAsync();
            Assert.Contains(unknown, body);
            Assert.DoesNotContain(PatentSamples.Number(1), body);
            Assert.DoesNotContain("UnderActivePledge", body);
            Assert.DoesNotContain("applicationNumber", body);

            var application = await attacker.PostAsJsonAsync("/api/pledges", PledgeSamples.Application(p.BankId, [foreign]));
            Assert.Equal(HttpStatusCode.BadRequest, application.StatusCode);
            await FieldErrorAsync(application, "patents[0].patentId");
        }
    }
}
