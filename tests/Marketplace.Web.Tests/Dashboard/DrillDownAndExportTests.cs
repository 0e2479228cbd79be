using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Web.Tests.Deals;
using Marketplace.Web.Tests.Pledges;
using MiniExcelLibs;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Dashboard;

public sealed class DrillDownAndExportTests(WebApp app) : AppTest(app)
{
    private static readonly int Year = DateTime.UtcNow.AddHours(8).Year;

    /// <summary>Two signed deals (one partly paid by transfer) and a loan disbursed in two tranches.</summary>
    private async Task<HttpClient> RecordsAsync()
    {
        var first = await new DealScenario(App).AgreeAsync(Licence(300_000m), 1);
        var instalment = (await first.ScheduleAsync(("Upfront", 100_000m), ("Milestone", 200_000m))).GetProperty("instalments")[0].GetProperty("id").GetGuid();
        await first.SignAsync();
        await Json(await first.Buyer.PostAsJsonAsync($"/api/payments/{instalment}/report-transfer", new { reference = "ICBC-77" }));
        await Json(await first.Seller.PostAsync($"/api/payments/{instalment}/confirm-transfer", null));
        var second = await new DealScenario(App).AgreeAsync(Licence(150_000m), 2);
        await second.SignAsync();
        var p = await PledgeParties.CreateAsync(App);
        var loan = await p.RecommendedAsync(60, amount: 400_000m);
        await PledgeParties.StepAsync(p.ApproverClient, loan, "approve");
        await PledgeParties.StepAsync(p.OfficerClient, loan, "register", new { registrationNumber = "Y2026980009999", registeredOn = PledgeSamples.Today });
        await PledgeParties.StepAsync(p.OfficerClient, loan, "disburse", new { amount = 150_000m });
        await PledgeParties.StepAsync(p.OfficerClient, loan, "disburse", new { amount = 50_000.5m });
        return first.Market.Admin;
    }

    [Fact]
    public async Task Each_drill_down_list_sums_to_the_figure_it_was_opened_from_and_shows_its_evidence()
    {
        var admin = await RecordsAsync();
        var figures = await admin.GetFromJsonAsync<JsonElement>($"/api/targets?year={Year}");
        var deals = await admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/deals?year={Year}");
        Assert.Equal((450_000m, 2), (figures.GetProperty("deals").GetProperty("contracted").GetDecimal(), deals.GetProperty("count").GetInt32()));
        Assert.Equal(figures.GetProperty("deals").GetProperty("contracted").GetDecimal(), deals.GetProperty("total").GetDecimal());
        Assert.Equal([DealScenario.ContractOf(1), DealScenario.ContractOf(2)],
            deals.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("registrationNumber").GetString()).Order());
        var payments = await admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/payments?year={Year}");
        Assert.Equal((100_000m, 100_000m), (figures.GetProperty("deals").GetProperty("received").GetDecimal(), payments.GetProperty("total").GetDecimal()));
        Assert.Equal("ICBC-77", payments.GetProperty("rows")[0].GetProperty("reference").GetString());
        var loans = await admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/loans?year={Year}");
        Assert.Equal((200_000.5m, 200_000.5m), (figures.GetProperty("pledgeFinancing").GetProperty("disbursed").GetDecimal(), loans.GetProperty("total").GetDecimal()));
        Assert.All(loans.GetProperty("rows").EnumerateArray(), r => Assert.Equal("Y2026980009999", r.GetProperty("pledgeRegistrationNumber").GetString()));
        foreach (var (breakdown, filter) in new[] { ("byCategory", "category"), ("byOwner", "owner"), ("byIndustry", "industry"), ("byMonth", "month") })
        foreach (var slice in figures.GetProperty("deals").GetProperty(breakdown).EnumerateArray())
        {
            var list = await admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/deals?year={Year}&{filter}={Uri.EscapeDataString(slice.GetProperty("key").GetString()!)}");
            Assert.Equal(slice.GetProperty("amount").GetDecimal(), list.GetProperty("total").GetDecimal());
        }
        foreach (var slice in figures.GetProperty("pledgeFinancing").GetProperty("byBank").EnumerateArray())
            Assert.Equal(slice.GetProperty("amount").GetDecimal(),
                (await admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/loans?year={Year}&bank={slice.GetProperty("key").GetString()}")).GetProperty("total").GetDecimal());
        var page = await admin.GetStringAsync($"/Targets/Records?kind=loans&year={Year}");
        Assert.Contains("Y2026980009999", page);
    }

    [Fact]
    public async Task The_xlsx_and_csv_exports_have_chinese_headers_and_values_and_match_the_records()
    {
        var admin = await RecordsAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var period = $"from={Year}-01-01&to={Year}-12-31";
        var xlsx = await admin.GetAsync($"/api/exports/deals?format=xlsx&{period}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = sheet.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(450_000m, rows.Sum(r => Convert.ToDecimal(r["合同金额(元)"])));
        Assert.Equal([DealScenario.ContractOf(1), DealScenario.ContractOf(2)], rows.Select(r => (string)r["技术合同登记号"]).Order());
        // Values are said too: no enum name reaches the park office's spreadsheet.
        Assert.All(rows, r => Assert.Contains((string)r["状态"], new[] { "已签约", "已备案/登记", "已完成" }));
        Assert.All(rows, r => Assert.DoesNotContain("Licence", (string)r["类别"]));

        var loans = await admin.GetAsync($"/api/exports/loans?format=xlsx&{period}");
        using var loanSheet = new MemoryStream(await loans.Content.ReadAsByteArrayAsync());
        Assert.Equal(200_000.5m, loanSheet.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().Sum(r => Convert.ToDecimal(r["放款金额(元)"])));

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/exports/payments?format=csv&{period}")).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("款项编号,交易编号", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("ICBC-77", lines[1]);

        var statistics = await admin.GetAsync($"/api/exports/statistics?format=xlsx&{period}");
        using var statisticsSheet = new MemoryStream(await statistics.Content.ReadAsByteArrayAsync());
        Assert.Contains(statisticsSheet.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>(), r => (string)r["指标"] == "发布挂牌数");
    }

    [Fact]
    public async Task An_english_client_gets_english_headers_and_values()
    {
        var admin = await RecordsAsync();
        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/exports/deals?format=csv&from={Year}-01-01&to={Year}-12-31")).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Deal id,Contract date,Category,Owner group,Industry,", lines[0]);
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains("ExclusiveLicence") || l.Contains("NonExclusiveLicence") || l.Contains("InquiryRoom"));
        Assert.DoesNotMatch("[\u4e00-\u9fff]", lines[0]);
    }

    [Theory]
    [InlineData("/api/exports/invoices?format=csv", "kind")]
    [InlineData("/api/exports/deals?format=pdf", "format")]
    [InlineData("/api/exports/deals?from=2025-02-01&to=2025-01-01", "from")]
    [InlineData("/api/statistics?from=2025-02-01&to=2025-01-01", "from")]
    [InlineData("/api/targets/records/deals?month=2024-13", "month")]
    [InlineData("/api/targets/records/deals?year=3000", "year")]
    public async Task Bad_input_is_a_400_naming_the_field(string url, string field)
    {
        var admin = await App.ClientForAsync(await App.CreateUserAsync(Marketplace.Domain.Organizations.OrganizationType.ParkOffice));
        await FieldErrorAsync(await admin.GetAsync(url), field);
    }

    [Fact]
    public async Task Statistics_count_the_market_and_exports_are_for_the_park_office_only()
    {
        var admin = await RecordsAsync();
        var statistics = await admin.GetFromJsonAsync<JsonElement>($"/api/statistics?from={Year}-01-01&to={Year}-12-31");
        Assert.Equal(2, statistics.GetProperty("listingsPublished").GetInt32());
        Assert.Equal((2, 2), (statistics.GetProperty("inquiries").GetInt32(), statistics.GetProperty("inquiriesToDeal").GetInt32()));
        Assert.Equal(2, statistics.GetProperty("dealsFromListings").GetInt32());
        var enterprise = await App.ClientForAsync(await App.CreateUserAsync(Marketplace.Domain.Organizations.OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/exports/deals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/targets/records/deals")).StatusCode);
    }
}
