using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using MiniExcelLibs;

namespace Marketplace.Web.Tests;

public sealed class ImportTests(WebApp app) : AppTest(app)
{
    private static MultipartFormDataContent File(byte[] bytes, string name = "patents.csv")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", name);
        return content;
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [PatentSamples.CsvHeader, .. rows]) + "\r\n");

    private async Task<HttpClient> OfficeAsync() => await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));

    [Fact]
    public async Task A_valid_file_imports_patents_and_submits_their_listings_and_reimport_updates()
    {
        var office = await OfficeAsync();
        var csv = Csv(PatentSamples.CsvRow(1), PatentSamples.CsvRow(2), PatentSamples.CsvRow(3));
        var report = await (await office.PostAsync("/api/patents/import", File(csv))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, report.GetProperty("patentsCreated").GetInt32());
        Assert.Equal(3, report.GetProperty("listingsCreated").GetInt32());
        Assert.Equal(3, await App.Database.CountAsync("SELECT count(*) FROM listings WHERE status = 'PendingReview'"));

        // The same file again while under review: the park office has not decided, so the offers are left alone.
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        foreach (var id in (await admin.GetFromJsonAsync<JsonElement>("/api/listings?status=PendingReview")).GetProperty("items").EnumerateArray())
            await admin.PostAsync($"/api/listings/{id.GetProperty("id").GetGuid()}/approve", null);
        var again = await office.PostAsync("/api/patents/import", File(csv));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, second.GetProperty("patentsUpdated").GetInt32());
        Assert.Equal(3, await App.Database.CountAsync("SELECT count(*) FROM patents"));
        Assert.Equal(3, await App.Database.CountAsync("SELECT count(*) FROM listings"));
    }

    [Fact]
    public async Task One_bad_row_is_reported_by_row_and_column_and_nothing_is_written()
    {
        var office = await OfficeAsync();
        var csv = Csv(PatentSamples.CsvRow(1), PatentSamples.CsvRow(2, ipc: "Z99"), PatentSamples.CsvRow(1, title: "另一个名称"));
        var response = await office.PostAsync("/api/patents/import", File(csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() is "主分类号" or "IPC分类号");
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("message").GetString()!.Contains("row 2"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task Import_the_valid_rows_writes_them_and_reports_the_rest()
    {
        var office = await OfficeAsync();
        var csv = Csv(PatentSamples.CsvRow(1), PatentSamples.CsvRow(2, ipc: "Z99"));
        var report = await (await office.PostAsync("/api/patents/import?mode=valid", File(csv))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM patents"));
    }

    [Fact]
    public async Task An_xlsx_workbook_imports_like_a_csv()
    {
        var office = await OfficeAsync();
        var headers = PatentSamples.CsvHeader.Split(',');
        var rows = new[] { PatentSamples.CsvRow(7), PatentSamples.CsvRow(8) }
            .Select(r => headers.Zip(r.Split(',')).ToDictionary(p => p.First, p => (object)p.Second)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        var response = await office.PostAsync("/api/patents/import", File(stream.ToArray(), "patents.xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await App.Database.CountAsync("SELECT count(*) FROM patents"));
    }

    [Theory]
    [InlineData("wrong-header")]
    [InlineData("binary")]
    [InlineData("too-large")]
    public async Task Unreadable_files_are_refused_naming_the_file(string kind)
    {
        var office = await OfficeAsync();
        var bytes = kind switch
        {
            "wrong-header" => Encoding.UTF8.GetBytes("编号,标题\r\n1,某专利\r\n"),
            "binary" => Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray(),
            _ => Csv(Enumerable.Repeat(PatentSamples.CsvRow(1, title: new string('长', 150)), 12_000).ToArray()),
        };
        var response = await office.PostAsync("/api/patents/import", File(bytes));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        if (response.StatusCode == HttpStatusCode.BadRequest) await FieldErrorAsync(response, "file");
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents"));
    }

    [Fact]
    public async Task Template_has_chinese_headers()
    {
        var csv = await App.CreateClient().GetByteArrayAsync("/api/patents/import/template.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("申请号,专利类型,专利名称", Encoding.UTF8.GetString(csv[3..]));
        var xlsx = await App.CreateClient().GetByteArrayAsync("/api/patents/import/template.xlsx");
        Assert.Equal((byte)'P', xlsx[0]);
    }
}
