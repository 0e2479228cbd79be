using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Tests.Dashboard;
using Marketplace.Web.Tests.Deals;

namespace Marketplace.Web.Tests.OffPlatform;

public sealed class ContractImportTests(WebApp app) : AppTest(app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private const string Header = "技术合同登记号,合同类别,卖方,卖方统一社会信用代码,买方,买方统一社会信用代码,专利申请号,合同金额,合同签订日期,登记日期";

    public static string Row(string number, string kind, decimal amount, string seller = "山东大学（威海）", string? sellerCode = null) =>
        $"{number},{kind},{seller},{sellerCode ?? "12371000495571023T"},威海新材料股份有限公司,{CreditCodes.Make(950)},202310104843.5,{amount},{Today.AddDays(-10):yyyy-MM-dd},{Today:yyyy-MM-dd}\n";

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        using var form = new MultipartFormDataContent();
        var sheet = new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "\n" + csv));
        sheet.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(sheet, "file", "registry.csv");
        return await client.PostAsync("/api/off-platform/contracts/import", form);
    }

    public static async Task<JsonElement> ImportAsync(HttpClient office, string csv)
    {
        var preview = await UploadAsync(office, csv);
        Assert.True(preview.IsSuccessStatusCode, await preview.Content.ReadAsStringAsync());
        var pending = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pendingId").GetGuid();
        var confirmed = await office.PostAsync($"/api/off-platform/contracts/import/{pending}/confirm", null);
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        return await confirmed.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_park_office_imports_registrations_that_count_as_off_platform_deals_once_each()
    {
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var csv = Row(DealScenario.Number(501), "专利权转让", 250_000m) + Row(DealScenario.Number(502), "独占许可", 120_000m, "威海某科技有限公司", CreditCodes.Make(951))
                  + Row(DealScenario.Number(501), "专利权转让", 250_000m);
        var imported = await ImportAsync(admin, csv);
        Assert.Equal(2, imported.GetProperty("created").GetInt32());
        var deals = (await admin.GetFromJsonAsync<JsonElement>($"/api/targets?year={Today.Year}")).GetProperty("deals");
        var bySource = deals.GetProperty("bySource").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("amount").GetDecimal());
        Assert.Equal(370_000m, bySource["ImportedRegistry"]);
        var owners = deals.GetProperty("byOwner").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("amount").GetDecimal());
        Assert.Equal((250_000m, 120_000m), (owners["SduWeihai"], owners["Enterprises"]));
        var records = await admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/deals?year={Today.Year}&source=ImportedRegistry");
        Assert.Equal((2, 370_000m), (records.GetProperty("count").GetInt32(), records.GetProperty("total").GetDecimal()));
        Assert.Equal(0, (await ImportAsync(admin, csv)).GetProperty("created").GetInt32());
        await new TotalsTests(App).AssertRebuildChangesNothingAsync();
    }

    [Fact]
    public async Task A_registration_already_counted_as_a_platform_deal_is_refused_with_the_deal_and_a_deal_cannot_take_an_imported_number()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.SignAsync();
        var refused = await UploadAsync(s.Market.Admin, Row(s.ContractNumber, "普通许可", 300_000m));
        Assert.Contains(s.DealId.ToString(), await FieldErrorAsync(refused, "rows[2].registrationNumber"));
        await FieldErrorAsync(await UploadAsync(s.Market.Admin, Row(DealScenario.Number(600), "技术开发", 1m)), "rows[2].kind");
        await FieldErrorAsync(await UploadAsync(s.Market.Admin, Row("2020990000000000", "转让", 1m)), "rows[2].registrationNumber");

        await ImportAsync(s.Market.Admin, Row(DealScenario.Number(77), "转让", 10_000m));
        var other = await new DealScenario(App).AgreeAsync(n: 2);
        var taken = await other.Seller.PostAsJsonAsync($"/api/deals/{other.DealId}/sign", new { contractDate = DealScenario.Today, registrationNumber = DealScenario.Number(77) });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        await FieldErrorAsync(taken, "registrationNumber");
        var enterprise = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Bank, role: Marketplace.Web.Platform.Identity.Roles.BankOfficer));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/off-platform/contracts")).StatusCode);
    }
}
