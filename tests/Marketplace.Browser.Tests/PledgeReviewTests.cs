using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Platform.Identity;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PledgeReviewTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Officer_recommends_in_one_browser_and_another_approver_approves_in_a_second()
    {
        var enterprise = await app.CreateUserAsync(OrganizationType.Enterprise);
        var officer = await app.CreateUserAsync(OrganizationType.Bank, role: Roles.BankOfficer);
        var approver = await app.AddMemberAsync(officer, Roles.BankApprover);
        await SubmittedApplicationAsync(enterprise, officer.OrganizationId);

        var officerPage = await BrowserSteps.SignedInPageAsync(app, officer);
        await officerPage.GotoAsync("/Pledges/Queue");
        await officerPage.ClickAsync("[data-testid=pledges] tbody tr:first-child a");
        await officerPage.ClickAsync("[data-testid=step-take]");
        await Expect(officerPage.Locator("[data-testid=pledge-status]")).ToHaveTextAsync("审查中");
        await officerPage.FillAsync("#rec-amount", "1000000");
        await officerPage.FillAsync("#rec-rate", "4.35");
        await officerPage.FillAsync("#rec-conditions", "按季付息，到期还本");
        await officerPage.ClickAsync("[data-testid=step-recommend]");
        await Expect(officerPage.Locator("[data-testid=pledge-status]")).ToHaveTextAsync("已提交审批");
        await Expect(officerPage.Locator("[data-testid=step-approve]")).ToHaveCountAsync(0);

        var approverPage = await BrowserSteps.SignedInPageAsync(app, approver);
        await approverPage.GotoAsync("/Pledges/Queue?Filter.State=Recommended");
        await approverPage.ClickAsync("[data-testid=pledges] tbody tr:first-child a");
        await Expect(approverPage.Locator("[data-testid=ltv]")).ToHaveTextAsync("33.33%");
        await approverPage.FillAsync("#decision-comment", "同意。");
        await approverPage.ClickAsync("[data-testid=step-approve]");
        await Expect(approverPage.Locator("[data-testid=pledge-status]")).ToHaveTextAsync("审核通过");
        await Expect(approverPage.Locator("[data-testid=history]")).ToContainTextAsync(approver.DisplayName + "（测试机构");
        await Expect(approverPage.Locator("[data-testid=history]")).Not.ToContainTextAsync(approver.Email);

        await officerPage.ReloadAsync();
        await Expect(officerPage.Locator("[data-testid=pledge-status]")).ToHaveTextAsync("审核通过");
    }

    private async Task SubmittedApplicationAsync(Marketplace.Tests.Shared.TestUser enterprise, Guid bankId)
    {
        var client = await app.ClientForAsync(enterprise);
        var digits = "202010000777";
        var patent = await Ok(await client.PostAsJsonAsync("/api/patents", new
        {
            applicationNumber = $"{digits}.{ApplicationNumber.CheckCharacter(digits)}", type = "Invention",
            titleZh = "一种海洋浮标监测系统", abstractZh = "一种海洋浮标监测系统。", ipcCodes = new[] { "B63B 22/00" }, inventors = new[] { "王伟" },
            filingDate = "2020-04-01", grantDate = "2022-08-09", legalStatus = "Valid", feesPaidThrough = "2040-03-31",
        }));
        var application = await Ok(await client.PostAsJsonAsync("/api/pledges", new
        {
            bankId, requestedAmount = 1_000_000m, termMonths = 24, purpose = "购置浮标生产设备",
            patents = new[] { new { patentId = patent.GetProperty("id").GetGuid(), value = 3_000_000m } },
            valuation = new { method = "Market", appraiser = "威海正信资产评估有限公司", reportDate = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM-dd"), reportNumber = "威正评报字第1号" },
            financials = new { revenue = 8_000_000m, profit = 600_000m, yearsTrading = 5 },
        }));
        await Ok(await client.PostAsJsonAsync($"/api/pledges/{application.GetProperty("id").GetGuid()}/submit", new { }));
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
