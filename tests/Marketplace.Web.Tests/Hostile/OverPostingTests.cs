using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Tests.Matchmaking;
using Marketplace.Web.Tests.Pledges;

namespace Marketplace.Web.Tests.Hostile;

/// <summary>
/// Fields a client may not set (status, owner, verification, amounts only a bank decides) sent anyway. Request
/// records hold only what a client may say, so the extra members are ignored: the answer is the normal one and the
/// stored record shows none of them.
/// </summary>
public sealed class OverPostingTests(WebApp app) : AppTest(app)
{
    private static readonly Guid Foreign = Guid.Parse("0a0a0a0a-0000-0000-0000-0000000000aa");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_new_listing_with_status_and_organization_id_is_a_draft_of_the_callers_office()
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var response = await w.Market.Office.PostAsJsonAsync("/api/listings", new
        {
            patentId = w.PatentId, terms = PatentSamples.Licence(), status = "Published", organizationId = Foreign, id = Foreign,
            publishedAt = DateTimeOffset.UtcNow, version = 99,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await JsonAsync(response)).GetProperty("id").GetGuid();
        Assert.NotEqual(Foreign, id);
        Assert.Equal(1, await App.Database.CountAsync(
            $"SELECT count(*) FROM listings WHERE id = '{id}' AND status = 'Draft' AND organization_id = '{w.Market.OfficeUser.OrganizationId}' AND published_at IS NULL"));
    }

    [Fact]
    public async Task Editing_a_draft_with_status_published_leaves_it_a_draft()
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var draft = await w.Market.Office.GetFromJsonAsync<JsonElement>($"/api/listings/{w.DraftListingId}");
        var response = await w.Market.Office.PutAsJsonAsync($"/api/listings/{w.DraftListingId}", new
        {
            terms = PatentSamples.Licence(150_000m), version = draft.GetProperty("version").GetUInt32(), status = "Published", organizationId = Foreign,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Draft", (await JsonAsync(response)).GetProperty("status").GetString());
        Assert.Equal(1, await App.Database.CountAsync(
            $"SELECT count(*) FROM listings WHERE id = '{w.DraftListingId}' AND status = 'Draft' AND organization_id = '{w.Market.OfficeUser.OrganizationId}'"));
    }

    [Fact]
    public async Task A_need_posted_as_open_and_for_another_organisation_waits_for_review_as_the_callers()
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var need = JsonSerializer.SerializeToNode(Market.Need(), JsonSerializerOptions.Web)!.AsObject();
        need["status"] = "Open";
        need["organizationId"] = Foreign.ToString();
        var response = await w.Market.Enterprise.PostAsync("/api/needs", HostileWorld.RawJson(need.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await JsonAsync(response));
        Assert.NotEqual("Open", created.GetProperty("status").GetString());
        Assert.Equal(w.Market.EnterpriseUser.OrganizationId, created.GetProperty("organizationId").GetGuid());
        Assert.Equal(0, await App.Database.CountAsync($"SELECT count(*) FROM technology_needs WHERE organization_id = '{Foreign}' OR status = 'Open'"));
    }

    [Fact]
    public async Task An_unverified_member_cannot_verify_its_organisation_through_the_contact_form()
    {
        var member = await App.CreateUserAsync(OrganizationType.Enterprise, verified: false);
        var client = await App.ClientForAsync(member);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/organizations/{member.OrganizationId}");
        var response = await client.PutAsJsonAsync($"/api/organizations/{member.OrganizationId}/contact", new
        {
            contactName = "王", contactPhone = "0631-5800000", contactEmail = "w@example.cn", version = current.GetProperty("version").GetUInt32(),
            isVerified = true, type = "ParkOffice", nameZh = "威海火炬高技术产业开发区", creditCode = "11371000004310014Y",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await App.Database.CountAsync(
            $"SELECT count(*) FROM organizations WHERE id = '{member.OrganizationId}' AND NOT is_verified AND type = 'Enterprise' AND name_zh <> '威海火炬高技术产业开发区' AND contact_name = '王'"));
    }

    [Fact]
    public async Task A_self_registration_claiming_verification_and_a_park_role_is_an_unverified_enterprise()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/organizations", new
        {
            nameZh = "越权测试公司", type = "Enterprise", creditCode = "914403001922038216", contactName = "李", contactPhone = "0631-5800001",
            contactEmail = "m@example.cn", email = "overpost@example.cn", displayName = "李", password = "correct horse battery staple",
            isVerified = true, role = "ParkAdmin", roles = new[] { "ParkAdmin" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM organizations WHERE name_zh = '越权测试公司' AND NOT is_verified"));
        Assert.Equal(0, await App.Database.CountAsync(
            "SELECT count(*) FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE u.email = 'overpost@example.cn' AND r.name = 'ParkAdmin'"));
    }

    [Fact]
    public async Task A_pledge_application_claiming_approval_is_a_draft_without_an_approved_amount()
    {
        var parties = await PledgeParties.CreateAsync(App);
        var body = PledgeSamples.Application(parties.BankId, [await parties.PatentAsync(50)]);
        body["status"] = "Approved";
        body["approvedAmount"] = 9_000_000m;
        body["applicantOrganizationId"] = Foreign;
        var response = await parties.Applicant.PostAsJsonAsync("/api/pledges", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await App.Database.CountAsync(
            $"SELECT count(*) FROM pledge_applications WHERE status = 'Draft' AND approved_amount IS NULL AND applicant_organization_id = '{parties.Enterprise.OrganizationId}'"));
    }
}
