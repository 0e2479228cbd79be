using System.Text;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Number(int n)
    {
        var digits = $"2020{1}{n:D7}";
        return $"{digits}.{ApplicationNumber.CheckCharacter(digits)}";
    }

    [Fact]
    public async Task Office_imports_a_spreadsheet_and_sees_its_listings_after_approval()
    {
        var office = await BrowserSteps.SignedInPageAsync(app, await app.CreateUserAsync(OrganizationType.University));
        var csv = "申请号,专利名称,摘要,申请日,授权公告日,主分类号,发明人,法律状态,交易方式,许可期限(月),许可费(元)\r\n"
                  + $"{Number(1)},一种海洋浮标监测系统,一种海洋浮标监测系统。,2020-04-01,2022-08-09,B63B 22/00,王伟,有效,许可,24,120000\r\n"
                  + $"{Number(2)},一种可降解血管支架,一种可降解血管支架。,2020-05-06,2022-10-11,A61F 2/82,李静,有效,许可,36,300000\r\n";
        await office.GotoAsync("/Patents/Import");
        await office.SetInputFilesAsync("[data-testid=import-file]",
            new FilePayload { Name = "patents.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await office.ClickAsync("[data-testid=import-submit]");
        // First the preview: how each column was read, and nothing written yet.
        await Expect(office.Locator("[data-testid=import-columns]")).ToContainTextAsync("专利名称");
        await Expect(office.Locator("[data-testid=import-summary]")).ToContainTextAsync("2");
        await office.ClickAsync("[data-testid=import-confirm]");
        await Expect(office.Locator("[data-testid=import-summary]")).ToContainTextAsync("导入 2");

        var admin = await BrowserSteps.SignedInPageAsync(app, await app.CreateUserAsync(OrganizationType.ParkOffice));
        for (var i = 0; i < 2; i++)
        {
            await admin.GotoAsync("/Listings/Moderation");
            await admin.ClickAsync("[data-testid=listings] tbody tr:first-child a");
            await admin.ClickAsync("[data-testid=approve]");
            await Expect(admin.Locator("[data-testid=listing-status]")).ToHaveTextAsync("已发布");
        }

        await office.GotoAsync("/Listings/Mine");
        var rows = office.Locator("[data-testid=listings] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("已发布");
        await Expect(rows.Nth(1)).ToContainTextAsync("已发布");

        await office.GotoAsync("/Listings?Q=浮标");
        await Expect(office.Locator("[data-testid=listings] tbody tr")).ToHaveCountAsync(1);
    }
}
