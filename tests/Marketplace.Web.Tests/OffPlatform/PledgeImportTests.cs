using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Tests.Shared;
using Marketplace.Web.Tests.Dashboard;
using Marketplace.Web.Tests.Pledges;

namespace Marketplace.Web.Tests.OffPlatform;

public sealed class PledgeImportTests(WebApp app) : AppTest(app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    private static readonly DateOnly Registered = Today.AddDays(-40) is var d && d.Year == Today.Year ? d : new DateOnly(Today.Year, 1, 1);
    private const string Header = "质押登记号,出质人统一社会信用代码,出质人,专利申请号,贷款金额,登记日期,到期日,放款日期,放款金额,证书文件";

    public static string Number(int serial) => $"Y{Registered.Year}98{serial:D7}";

    /// <summary>A registration in two rows, one per tranche (the number repeated), with its certificate named.</summary>
    public static string Registration(int serial, decimal amount, decimal first, decimal second, string? creditCode = null, string? certificate = "") =>
        $"{Number(serial)},{creditCode ?? CreditCodes.Make(900 + serial)},威海测试企业{serial}有限公司,202310104843.5,{amount},{Registered:yyyy-MM-dd},{Registered.AddYears(2):yyyy-MM-dd},"
        + $"{Registered.AddDays(1):yyyy-MM-dd},{first},{(certificate == "" ? Number(serial) + ".pdf" : certificate)}\n"
        + $"{Number(serial)},,,,,,,{Registered.AddDays(20):yyyy-MM-dd},{second},\n";

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string csv, params (string Name, byte[] Content)[] certificates)
    {
        using var form = new MultipartFormDataContent();
        var sheet = new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "\n" + csv));
        sheet.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(sheet, "file", "pledges.csv");
        foreach (var (name, content) in certificates) form.Add(new ByteArrayContent(content), "certificates", name);
        return await client.PostAsync(url, form);
    }

    public static async Task<JsonElement> ImportAsync(HttpClient bank, string csv, params (string Name, byte[] Content)[] certificates)
    {
        var preview = await UploadAsync(bank, "/api/off-platform/pledges/import", csv, certificates);
        Assert.True(preview.IsSuccessStatusCode, await preview.Content.ReadAsStringAsync());
        var pending = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pendingId").GetGuid();
        var confirmed = await bank.PostAsync($"/api/off-platform/pledges/import/{pending}/confirm", null);
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        return await confirmed.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_bank_previews_then_imports_its_registrations_and_they_count_off_platform_under_their_evidence()
    {
        var bank = await PledgeParties.CreateAsync(App);
        var csv = Registration(1, 1_000_000m, 600_000m, 400_000m) + Registration(2, 500_000m, 200_000m, 100_000m, certificate: null);
        var preview = await UploadAsync(bank.OfficerClient, "/api/off-platform/pledges/import", csv, (Number(1) + ".pdf", EvidenceTests.Pdf("certificate")));
        var report = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 0, 1_300_000m), (report.GetProperty("created").GetInt32(), report.GetProperty("refused").GetInt32(), report.GetProperty("counted").GetDecimal()));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM imported_pledges"));

        var imported = await ImportAsync(bank.OfficerClient, csv, (Number(1) + ".pdf", EvidenceTests.Pdf("certificate")));
        Assert.NotEqual(JsonValueKind.Null, imported.GetProperty("batchId").ValueKind);
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var figures = (await admin.GetFromJsonAsync<JsonElement>($"/api/targets?year={Registered.Year}"));
        var bySource = figures.GetProperty("pledgeFinancing").GetProperty("bySource").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("amount").GetDecimal());
        Assert.Equal(1_300_000m, bySource["ImportedByBank"]);
        var evidence = figures.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "disbursed");
        Assert.Equal((300_000m, 1_000_000m), (evidence.GetProperty("declared").GetDecimal(), evidence.GetProperty("documented").GetDecimal()));
        var loans = await admin.GetFromJsonAsync<JsonElement>($"/api/targets/records/loans?year={Registered.Year}&source=ImportedByBank");
        Assert.Equal((1_300_000m, 4), (loans.GetProperty("total").GetDecimal(), loans.GetProperty("count").GetInt32()));

        var again = await ImportAsync(bank.OfficerClient, csv, (Number(1) + ".pdf", EvidenceTests.Pdf("certificate")));
        Assert.Equal((0, 0, 2), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(2, await App.Database.CountAsync("SELECT count(*) FROM imported_pledges"));
        await new TotalsTests(App).AssertRebuildChangesNothingAsync();
    }

    [Fact]
    public async Task A_registration_imported_by_a_second_bank_is_refused_with_the_first_s_reference_and_banks_never_read_each_other_s()
    {
        var first = await PledgeParties.CreateAsync(App);
        var second = await PledgeParties.CreateAsync(App);
        var imported = await ImportAsync(first.OfficerClient, Registration(7, 800_000m, 300_000m, 100_000m, certificate: null));
        var refused = await UploadAsync(second.OfficerClient, "/api/off-platform/pledges/import", Registration(7, 800_000m, 300_000m, 100_000m, certificate: null));
        Assert.Contains(imported.GetProperty("batchId").GetGuid().ToString(), await FieldErrorAsync(refused, "rows[2].registrationNumber"));

        var mine = await first.OfficerClient.GetFromJsonAsync<JsonElement>("/api/off-platform/pledges");
        var id = mine[0].GetProperty("id").GetGuid();
        Assert.Empty((await second.OfficerClient.GetFromJsonAsync<JsonElement>("/api/off-platform/pledges")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await second.OfficerClient.GetAsync($"/api/off-platform/pledges/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.OfficerClient.GetAsync($"/api/evidence/imported-pledge/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EvidenceTests.AttachAsync(second.OfficerClient, "imported-pledge", id, "PledgeCertificate", EvidenceTests.Pdf(), "c.pdf")).StatusCode);
        Assert.Empty((await second.OfficerClient.GetFromJsonAsync<JsonElement>("/api/off-platform/batches")).EnumerateArray());
        var enterprise = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/off-platform/pledges")).StatusCode);
        // The banks' figures by bank are the park office's alone.
        Assert.Empty((await second.OfficerClient.GetFromJsonAsync<JsonElement>($"/api/targets?year={Registered.Year}")).GetProperty("pledgeFinancing").GetProperty("byBank").EnumerateArray());
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/targets?year={Registered.Year}")).GetProperty("pledgeFinancing").GetProperty("byBank").EnumerateArray());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/off-platform/pledges")).EnumerateArray());
    }

    [Fact]
    public async Task Each_bad_row_is_refused_naming_its_row_and_column_and_nothing_is_written()
    {
        var bank = await PledgeParties.CreateAsync(App);
        var csv = Registration(1, 500_000m, 400_000m, 300_000m, certificate: null)
                  + Registration(2, 500_000m, 100_000m, 100_000m, creditCode: "91371000MA3C0A019X", certificate: null)
                  + Registration(3, 500_000m, 100_000m, 100_000m, certificate: "fake.pdf")
                  // The same number again in its second row, with another pledgor's name: one number is one record.
                  + Registration(4, 500_000m, 100_000m, 100_000m, certificate: null).Replace($"{Number(4)},,,,,,", $"{Number(4)},,别的名字,,,,");
        var response = await UploadAsync(bank.OfficerClient, "/api/off-platform/pledges/import", csv, ("fake.pdf", "PK\u0003\u0004 not a pdf"u8.ToArray()));
        Assert.Contains("add up to", await FieldErrorAsync(response, "rows[2].tranches"));
        await FieldErrorAsync(response, "rows[4].pledgorCreditCode");
        await FieldErrorAsync(response, "rows[6].certificate");
        await FieldErrorAsync(response, "rows[9].pledgorName");
        var huge = new byte[50 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(huge);
        await FieldErrorAsync(await UploadAsync(bank.OfficerClient, "/api/off-platform/pledges/import", Registration(5, 1m, 0.5m, 0.5m), (Number(5) + ".pdf", huge)), "certificates");
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM imported_pledges"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM pending_imports"));
    }
}
