using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Organizations;
using Marketplace.Web.Tests.Pledges;
using static Marketplace.Web.Tests.Pledges.PledgeParties;

namespace Marketplace.Web.Tests.Security;

/// <summary>Issue 23, finding 1: an officer cannot approve, alone or through an account they made, a loan they prepared.</summary>
public sealed class MakerCheckerTests(WebApp app) : AppTest(app)
{
    private static object Member(string email, string role) =>
        new { email, displayName = "新成员", role, password = MarketplaceApp.Password };

    private static readonly object FullCaps = new
    {
        inventionCapPercent = 100m, utilityModelCapPercent = 100m, designCapPercent = 100m,
        inventionMinYears = 0, utilityModelMinYears = 0, designMinYears = 0,
    };

    [Fact]
    public async Task An_officer_adds_no_approver_and_neither_officer_nor_approver_changes_the_policy()
    {
        var p = await PledgeParties.CreateAsync(App);
        var added = await p.OfficerClient.PostAsJsonAsync($"/api/organizations/{p.BankId}/members", Member("puppet@bank.example.cn", Roles.BankApprover));
        Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        await FieldErrorAsync(added, "role");
        Assert.Equal(HttpStatusCode.Forbidden, (await p.OfficerClient.PutAsJsonAsync("/api/pledges/policy", FullCaps)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.ApproverClient.PutAsJsonAsync("/api/pledges/policy", FullCaps)).StatusCode);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM users WHERE email = 'puppet@bank.example.cn'"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM bank_pledge_policies"));
    }

    [Fact]
    public async Task The_bank_administrator_adds_an_approver_and_sets_the_policy_audited_and_the_park_office_is_told()
    {
        var p = await PledgeParties.CreateAsync(App);
        var admin = await App.ClientForAsync(await App.AddMemberAsync(p.Officer, Roles.OrganizationAdmin));
        var (park, notices) = await LiveNotices.ConnectAsync(App, await App.CreateUserAsync(OrganizationType.ParkOffice));
        await using var _ = park;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var added = await admin.PostAsJsonAsync($"/api/organizations/{p.BankId}/members", Member("approver2@bank.example.cn", Roles.BankApprover));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var notice = await notices.ReadAsync(timeout.Token);
        Assert.Equal((MembershipNotices.MembersKind, p.BankId), (notice.Kind, notice.SubjectId!.Value));
        Assert.Contains("approver2@bank.example.cn", notice.Text);

        var policy = await admin.PutAsJsonAsync("/api/pledges/policy", new
        {
            inventionCapPercent = 40m, utilityModelCapPercent = 30m, designCapPercent = 20m,
            inventionMinYears = 5, utilityModelMinYears = 4, designMinYears = 4,
        });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        Assert.Equal(MembershipNotices.PolicyKind, (await notices.ReadAsync(timeout.Token)).Kind);
        Assert.Equal(1, await App.Database.CountAsync(
            $"SELECT count(*) FROM audit_log WHERE entity = 'Organization' AND entity_id = '{p.BankId}' AND action = 'MemberAdded' AND to_state = 'BankApprover'"));
        Assert.Equal(1, await App.Database.CountAsync($"SELECT count(*) FROM audit_log WHERE entity = 'BankPledgePolicy' AND entity_id = '{p.BankId}'"));
        Assert.Equal(1, await App.Database.CountAsync(
            $"SELECT count(*) FROM users WHERE email = 'approver2@bank.example.cn' AND created_by_user_id IS NOT NULL"));
    }

    [Fact]
    public async Task A_self_registered_bank_is_founded_by_an_administrator_who_neither_makes_nor_checks()
    {
        var registered = await App.CreateClient().PostAsJsonAsync("/api/organizations", new
        {
            nameZh = "威海测试银行", type = "Bank", creditCode = CreditCodes.Make(9001), contactName = "王", contactPhone = "0631-5800001",
            contactEmail = "bank@example.cn", email = "founder@bank.example.cn", displayName = "王", password = MarketplaceApp.Password,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var founder = new TestUser(body.GetProperty("userId").GetGuid(), "founder@bank.example.cn", MarketplaceApp.Password,
            body.GetProperty("organization").GetProperty("id").GetGuid(), Roles.OrganizationAdmin);
        var client = await App.ClientForAsync(founder);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal([Roles.OrganizationAdmin], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/pledges/{Guid.NewGuid()}/take", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/pledges/{Guid.NewGuid()}/approve", JsonContent.Create(new { }))).StatusCode);
    }

    [Fact]
    public async Task An_account_created_by_the_officer_who_prepared_the_loan_cannot_decide_it()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = await p.RecommendedAsync(1);
        // However it came about (say the officer once administered the bank), the approver's account is the officer's creation.
        await App.Database.ExecuteAsync($"UPDATE users SET created_by_user_id = '{p.Officer.Id}' WHERE id = '{p.Approver.Id}'");

        var approved = await p.ApproverClient.PostAsJsonAsync($"/api/pledges/{id}/approve", new { });
        Assert.Equal(HttpStatusCode.Forbidden, approved.StatusCode);
        await FieldErrorAsync(approved, "decidedBy");
        var rejected = await p.ApproverClient.PostAsJsonAsync($"/api/pledges/{id}/reject", new { comment = "不同意" });
        Assert.Equal(HttpStatusCode.Forbidden, rejected.StatusCode);
        Assert.Equal("Recommended", (await p.OfficerClient.GetFromJsonAsync<JsonElement>($"/api/pledges/{id}")).GetProperty("status").GetString());
        Assert.Equal(2, await App.Database.CountAsync($"SELECT count(*) FROM audit_log WHERE entity_id = '{id}' AND action IN ('ApprovedRefused', 'RejectedRefused')"));
    }

    [Fact]
    public async Task An_approver_who_took_the_application_cannot_decide_what_an_officer_then_recommended()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = (await p.DraftAsync(await p.PatentAsync(1))).GetProperty("id").GetGuid();
        await StepAsync(p.Applicant, id, "submit");
        await StepAsync(p.ApproverClient, id, "take");
        await StepAsync(p.OfficerClient, id, "recommend", new { amount = 1_000_000m, ratePercent = 4.35m, termMonths = 24 });
        Assert.Equal(HttpStatusCode.Forbidden, (await p.ApproverClient.PostAsJsonAsync($"/api/pledges/{id}/approve", new { })).StatusCode);
        var second = await App.ClientForAsync(await App.AddMemberAsync(p.Officer, Roles.BankApprover));
        await StepAsync(second, id, "approve");
    }

    [Fact]
    public async Task A_deactivated_approver_decides_nothing_even_with_a_token_issued_before()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = await p.RecommendedAsync(1);
        var admin = await App.ClientForAsync(await App.AddMemberAsync(p.Officer, Roles.OrganizationAdmin));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/organizations/{p.BankId}/members/{p.Approver.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await p.ApproverClient.PostAsJsonAsync($"/api/pledges/{id}/approve", new { })).StatusCode);
        var login = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = p.Approver.Email, password = p.Approver.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var members = await admin.GetFromJsonAsync<JsonElement>($"/api/organizations/{p.BankId}/members");
        var gone = members.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == p.Approver.Id);
        Assert.Empty(gone.GetProperty("roles").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, gone.GetProperty("deactivatedAt").ValueKind);
    }

    [Fact]
    public async Task The_park_office_appoints_an_administrator_but_adds_no_officer_or_approver()
    {
        var officer = await App.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        var park = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var approver = await park.PostAsJsonAsync($"/api/organizations/{officer.OrganizationId}/members", Member("a@bank.example.cn", Roles.BankApprover));
        Assert.Equal(HttpStatusCode.Forbidden, approver.StatusCode);
        var admin = await park.PostAsJsonAsync($"/api/organizations/{officer.OrganizationId}/members", Member("admin@bank.example.cn", Roles.OrganizationAdmin));
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
        var stranger = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.PostAsJsonAsync($"/api/organizations/{officer.OrganizationId}/members", Member("b@bank.example.cn", Roles.OrganizationAdmin))).StatusCode);
    }

    [Fact]
    public async Task An_organisation_keeps_one_administrator_who_cannot_deactivate_themselves()
    {
        var officer = await App.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        var adminUser = await App.AddMemberAsync(officer, Roles.OrganizationAdmin);
        var admin = await App.ClientForAsync(adminUser);
        var self = await admin.DeleteAsync($"/api/organizations/{officer.OrganizationId}/members/{adminUser.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var park = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        Assert.Equal(HttpStatusCode.Conflict, (await park.DeleteAsync($"/api/organizations/{officer.OrganizationId}/members/{adminUser.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await park.DeleteAsync($"/api/organizations/{officer.OrganizationId}/members/{officer.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_adds_a_member_on_the_organisation_page_and_an_officer_sees_no_such_form()
    {
        var officer = await App.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        var adminUser = await App.AddMemberAsync(officer, Roles.OrganizationAdmin);
        var form = new FormClient(App);
        await form.LoginAsync(adminUser.Email, adminUser.Password);
        var (html, token) = await form.GetPageAsync("/Organizations/Mine");
        Assert.Contains("data-testid=\"add-member\"", html);
        var added = await form.PostFormAsync("/Organizations/Mine?handler=AddMember", token, ("NewMember.Email", "page@bank.example.cn"),
            ("NewMember.DisplayName", "页面"), ("NewMember.Role", Roles.BankApprover), ("NewMember.Password", MarketplaceApp.Password));
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.Database.CountAsync($"SELECT count(*) FROM users WHERE email = 'page@bank.example.cn' AND created_by_user_id = '{adminUser.Id}'"));

        var officerForm = new FormClient(App);
        await officerForm.LoginAsync(officer.Email, officer.Password);
        var (officerHtml, officerToken) = await officerForm.GetPageAsync("/Organizations/Mine");
        Assert.DoesNotContain("data-testid=\"add-member\"", officerHtml);
        var refused = await officerForm.PostFormAsync("/Organizations/Mine?handler=AddMember", officerToken, ("NewMember.Email", "mole@bank.example.cn"),
            ("NewMember.DisplayName", "内鬼"), ("NewMember.Role", Roles.BankApprover), ("NewMember.Password", MarketplaceApp.Password));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM users WHERE email = 'mole@bank.example.cn'"));
    }
}
