using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Accounts;

namespace Marketplace.Web.Tests;

public sealed class OrganizationAccessTests(WebApp app) : AppTest(app)
{
    private static object Contact(uint? version, string name = "新联系人") =>
        new { contactName = name, contactPhone = "0631-5800000", contactEmail = "new@example.cn", version };

    [Fact]
    public async Task Member_of_another_organisation_gets_404_and_changes_nothing()
    {
        var owner = await App.CreateUserAsync(OrganizationType.University);
        var stranger = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));

        var response = await stranger.PutAsJsonAsync($"/api/organizations/{owner.OrganizationId}/contact", Contact(1));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/organizations/{owner.OrganizationId}/members")).StatusCode);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM organizations WHERE contact_name = '新联系人'"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task Member_updates_own_contact_and_a_stale_version_gets_409()
    {
        var member = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = await App.ClientForAsync(member);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/organizations/{member.OrganizationId}");
        var version = current.GetProperty("version").GetUInt32();

        var first = await client.PutAsJsonAsync($"/api/organizations/{member.OrganizationId}/contact", Contact(version, "第一次"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/organizations/{member.OrganizationId}/contact", Contact(version, "第二次"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await ProblemAsync(stale);
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM organizations WHERE contact_name = '第一次'"));
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'ContactUpdated'"));
    }

    [Fact]
    public async Task Invalid_contact_phone_names_the_field()
    {
        var member = await App.CreateUserAsync(OrganizationType.Enterprise);
        var client = await App.ClientForAsync(member);
        var response = await client.PutAsJsonAsync($"/api/organizations/{member.OrganizationId}/contact",
            new { contactName = "某人", contactPhone = "call me", contactEmail = "a@example.cn", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, "contactPhone");
    }

    [Fact]
    public async Task Unverified_organisation_cannot_add_members()
    {
        var member = await App.CreateUserAsync(OrganizationType.Bank, verified: false);
        var client = await App.ClientForAsync(member);
        var response = await client.PostAsJsonAsync($"/api/organizations/{member.OrganizationId}/members",
            new { email = "approver@bank.example.cn", displayName = "审批人", role = "BankApprover", password = "correct horse battery staple" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM users"));
    }

    [Fact]
    public async Task A_bank_administrator_may_add_an_approver_but_not_a_role_of_another_kind()
    {
        var officer = await App.CreateUserAsync(OrganizationType.Bank);
        var client = await App.ClientForAsync(await App.AddMemberAsync(officer, Roles.OrganizationAdmin));
        var wrong = await client.PostAsJsonAsync($"/api/organizations/{officer.OrganizationId}/members",
            new { email = "x@bank.example.cn", displayName = "X", role = "ParkAdmin", password = "correct horse battery staple" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        await FieldErrorAsync(wrong, "role");
        var approver = await client.PostAsJsonAsync($"/api/organizations/{officer.OrganizationId}/members",
            new { email = "approver@bank.example.cn", displayName = "审批人", role = "BankApprover", password = "correct horse battery staple" });
        Assert.Equal(HttpStatusCode.Created, approver.StatusCode);
    }

    [Fact]
    public async Task Only_the_park_office_verifies_and_only_once()
    {
        var applicant = await App.CreateUserAsync(OrganizationType.Enterprise, verified: false);
        var enterprise = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsync($"/api/organizations/{applicant.OrganizationId}/verify", null)).StatusCode);

        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/organizations/{applicant.OrganizationId}/verify", null)).StatusCode);
        var again = await admin.PostAsync($"/api/organizations/{applicant.OrganizationId}/verify", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await FieldErrorAsync(again, "isVerified");
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'Verified'"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/organizations/{Guid.NewGuid()}/verify", null)).StatusCode);
    }

    [Fact]
    public async Task Anyone_lists_verified_organisations_but_only_the_park_office_sees_unverified_ones()
    {
        var verified = await App.CreateUserAsync(OrganizationType.University);
        var pending = await App.CreateUserAsync(OrganizationType.Enterprise, verified: false);
        var anonymous = App.CreateClient();

        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/organizations?verified=true");
        var ids = list.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(verified.OrganizationId, ids);
        Assert.DoesNotContain(pending.OrganizationId, ids);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/api/organizations?verified=false")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/organizations/{pending.OrganizationId}")).StatusCode);

        // A stranger sees a verified organisation's card, without its contact details.
        var card = await anonymous.GetFromJsonAsync<JsonElement>($"/api/organizations/{verified.OrganizationId}");
        Assert.False(card.TryGetProperty("contactPhone", out _));
    }
}
