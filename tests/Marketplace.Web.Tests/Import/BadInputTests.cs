using System.Net;
using System.Text;

namespace Marketplace.Web.Tests.Import;

/// <summary>The bad inputs: each a clear row error or a 4xx naming the file, and nothing half-written.</summary>
public sealed class BadInputTests(WebApp app) : ImportTestKit(app)
{
    private static readonly string[] Header = ["申请号", "专利类型", "发明名称", "申请日", "授权公告日", "IPC分类号", "申请（专利权）人", "发明人", "摘要", "法律状态"];

    private static string[] Row(string owner, string number = "201610124658.2", string type = "发明", string filed = "2016-03-04",
        string granted = "", string title = "一种自动提取论文引用内容的方法", string status = "审中") =>
        [number, type, title, filed, granted, "G06F17/22(2006.01)I", owner, "王骏; 熊海涛", "提取出的正文内容进行分句。", status];

    private async Task<HttpResponseMessage> UploadAsync(HttpClient office, IEnumerable<string[]> rows, string format = "csv-utf8") =>
        await office.PostAsync("/api/patents/import", File(ExportFixtures.Build(format, [], Header, rows).Bytes, "bad.csv"));

    [Fact]
    public async Task A_renamed_binary_is_refused()
    {
        var (office, _) = await OfficeAsync();
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray();
        var response = await office.PostAsync("/api/patents/import", File(bytes, "patents.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, "file");
    }

    [Fact]
    public async Task A_workbook_with_several_sheets_reads_the_one_with_patents_and_says_so()
    {
        var (office, owner) = await OfficeAsync();
        var bytes = ExportFixtures.Xls([Header, Row(owner)], "说明", "统计");
        var report = await ReportAsync(await office.PostAsync("/api/patents/import?dryRun=true", File(bytes, "export.xls")));
        var preview = report.GetProperty("preview");
        Assert.Equal("检索结果", preview.GetProperty("sheet").GetString());
        Assert.Equal(["说明", "统计"], Items(preview, "otherSheets").Select(s => s.GetString()));
        Assert.Equal("XLS", preview.GetProperty("format").GetString());
    }

    [Fact]
    public async Task Two_columns_that_mean_the_same_field_are_refused_naming_both()
    {
        var (office, owner) = await OfficeAsync();
        var bytes = ExportFixtures.Build("csv-utf8", [], [.. Header, "名称"], [[.. Row(owner), "另一个标题"]]).Bytes;
        var response = await office.PostAsync("/api/patents/import", File(bytes, "bad.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await FieldErrorAsync(response, "file");
        Assert.Contains("发明名称", message);
        Assert.Contains("名称", message);
    }

    [Theory]
    [InlineData("future filing", "filed", "2099-01-01", "申请日", "future")]
    [InlineData("grant before filing", "granted", "2015-01-01", "授权公告日", "before the filing date")]
    [InlineData("wrong check character", "number", "201610124658.3", "申请号", "check character")]
    [InlineData("type digit against the type column", "type", "实用新型", "专利类型", "type digit")]
    [InlineData("a date that is not one", "filed", "2016-13-45", "申请日", "not a date")]
    public async Task A_bad_cell_is_one_row_error_naming_the_files_column(string _, string field, string value, string column, string says)
    {
        var (office, owner) = await OfficeAsync();
        var row = field switch
        {
            "filed" => Row(owner, filed: value),
            "granted" => Row(owner, granted: value, status: "有效"),
            "number" => Row(owner, number: value),
            _ => Row(owner, type: value),
        };
        var response = await UploadAsync(office, [row, Row(owner, number: "201510061947.8", filed: "2015-02-05")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        // Only the bad row is reported (with every field it got wrong), under the file's own header.
        var errors = Items(await ReportAsync(response), "errors");
        Assert.All(errors, e => Assert.Equal(2, e.GetProperty("row").GetInt32()));
        Assert.Contains(errors, e => e.GetProperty("column").GetString() == column && e.GetProperty("message").GetString()!.Contains(says));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents"));
    }

    [Fact]
    public async Task The_same_application_number_twice_with_different_data_is_an_error_and_twice_alike_is_read_once()
    {
        var (office, owner) = await OfficeAsync();
        var different = Items(await ReportAsync(await UploadAsync(office, [Row(owner), Row(owner, title: "另一个名称")])), "errors");
        Assert.Contains("row 2", Assert.Single(different).GetProperty("message").GetString());
        var alike = await ReportAsync(await UploadAsync(office, [Row(owner), Row(owner)]));
        Assert.Equal(1, alike.GetProperty("patentsCreated").GetInt32());
        Assert.Contains(Items(alike, "notes"), n => n.GetProperty("message").GetString()!.Contains("Repeats row 2"));
    }

    [Fact]
    public async Task Five_thousand_and_one_rows_are_refused_whole()
    {
        var (office, owner) = await OfficeAsync();
        var rows = Enumerable.Range(0, 5001).Select(i => Row(owner)).ToList();
        var response = await UploadAsync(office, rows);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5000", await FieldErrorAsync(response, "file"));
    }

    [Fact]
    public async Task A_six_megabyte_file_is_refused()
    {
        var (office, owner) = await OfficeAsync();
        var text = ExportFixtures.Csv([Header, Row(owner)]) + new string(' ', 6 * 1024 * 1024);
        var response = await office.PostAsync("/api/patents/import", File(Encoding.UTF8.GetBytes(text), "big.csv"));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents"));
    }

    [Fact]
    public async Task A_formula_is_never_run_a_link_keeps_its_label_and_another_formula_is_refused()
    {
        var (office, owner) = await OfficeAsync();
        var linked = Row(owner, title: "=HYPERLINK(\"http://127.0.0.1/x\",\"一种基于索引的文档查询方法\")");
        var computed = Row(owner, number: "201510061947.8", filed: "2015-02-05", title: "=1+1");
        var report = await ReportAsync(await office.PostAsync("/api/patents/import?mode=valid",
            File(ExportFixtures.Build("csv-gb18030", [], Header, [linked, computed]).Bytes, "formula.csv")));
        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        Assert.Equal("GB18030", report.GetProperty("preview").GetProperty("encoding").GetString());
        Assert.Contains("formula", Assert.Single(Items(report, "errors")).GetProperty("message").GetString());
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM patents WHERE title_zh = '一种基于索引的文档查询方法'"));
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents WHERE title_zh LIKE '=%'"));
    }
}
