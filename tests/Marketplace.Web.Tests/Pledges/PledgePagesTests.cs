using System.Net;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Tests.Pledges;

public sealed class PledgePagesTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Applicant_checks_eligibility_then_saves_a_draft_through_the_form()
    {
        var p = await PledgeParties.CreateAsync(App);
        var patentId = await p.PatentAsync(1);
        var form = new FormClient(App);
        await form.LoginAsync(p.Enterprise.Email, p.Enterprise.Password);
        var (html, token) = await form.GetPageAsync("/Pledges/Apply");
        Assert.Contains(patentId.ToString(), html);
        (string, string)[] fields =
        [
            ("Input.BankId", p.BankId.ToString()), ("Input.RequestedAmount", "2000000"), ("Input.TermMonths", "24"), ("Input.Purpose", "购置设备"),
            ("Input.Patents[0].PatentId", patentId.ToString()), ("Input.Patents[0].Selected", "true"), ("Input.Patents[0].Value", "3000000"),
            ("Input.Method", "Income"), ("Input.Appraiser", "威海正信资产评估有限公司"), ("Input.ReportDate", DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM-dd")),
            ("Input.ReportNumber", "第1号"), ("Input.Revenue", "8000000"), ("Input.Profit", "-50000"), ("Input.YearsTrading", "4"),
        ];

        var check = await form.PostFormAsync("/Pledges/Apply?handler=Check", token, fields);
        var preview = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("符合条件", preview);
        Assert.Contains("¥1,500,000.00", preview);
        Assert.Contains("申请金额超过最高可贷金额", preview);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM pledge_applications"));

        var save = await form.PostFormAsync("/Pledges/Apply?handler=Save", token, fields);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.StartsWith("/Pledges/Detail/", save.Headers.Location!.OriginalString);
        var detail = await form.Http.GetStringAsync(save.Headers.Location);
        Assert.Contains("草稿", detail);
        Assert.Contains("step-submit", detail);
    }

    [Fact]
    public async Task An_officer_cannot_decide_through_the_page_either()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = await p.RecommendedAsync(1);
        var form = new FormClient(App);
        await form.LoginAsync(p.Officer.Email, p.Officer.Password);
        var html = await form.Http.GetStringAsync($"/Pledges/Detail/{id}");
        Assert.DoesNotContain("step-approve", html);
        // The page offers the officer no step, so no form; a token from the sign-out page is as good as any.
        var (_, token) = await form.GetPageAsync("/Accounts/Logout");
        var approve = await form.PostFormAsync($"/Pledges/Detail/{id}?handler=Step&step=approve", token);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains("/Accounts/AccessDenied", approve.Headers.Location!.OriginalString);
        var other = new FormClient(App);
        var outsider = await App.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        await other.LoginAsync(outsider.Email, outsider.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Pledges/Detail/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_park_office_sees_every_banks_queue_and_the_target_and_a_bank_only_its_own()
    {
        var p = await PledgeParties.CreateAsync(App);
        var id = await p.RecommendedAsync(1);
        await PledgeParties.StepAsync(p.ApproverClient, id, "approve");
        var park = await App.CreateUserAsync(OrganizationType.ParkOffice);
        var form = new FormClient(App);
        await form.LoginAsync(park.Email, park.Password);
        var html = await form.Http.GetStringAsync("/Pledges/Queue");
        Assert.Contains("¥600,000,000.00", html);
        Assert.Contains("¥1,000,000.00", html);
        Assert.Contains(id.ToString(), html);

        var otherBank = new FormClient(App);
        var outsider = await App.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        await otherBank.LoginAsync(outsider.Email, outsider.Password);
        var queue = await otherBank.Http.GetStringAsync("/Pledges/Queue?Filter.State=Approved");
        Assert.DoesNotContain(id.ToString(), queue);
        Assert.DoesNotContain("¥600,000,000.00", queue);
    }
}
