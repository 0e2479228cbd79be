using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace Marketplace.Web.Tests.Import;

/// <summary>Each database's export, as it comes, imports on the first try; a second import changes no total.</summary>
public sealed class ExportFormatTests(WebApp app) : ImportTestKit(app)
{
    public static TheoryData<string> Exports => new(ExportFixtures.Exports.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task An_export_imports_as_it_comes_and_again_without_changing_totals(string name)
    {
        var (office, owner) = await OfficeAsync();
        var export = ExportFixtures.Exports.Single(e => e.Name == name);
        var records = ExportFixtures.Records(owner);
        var (bytes, file) = ExportFixtures.Build(export.Format, export.Title, export.Columns.Select(c => c.Header).ToArray(),
            records.Select(r => export.Columns.Select(c => c.Value(r)).ToArray()));

        var preview = await ReportAsync(await office.PostAsync("/api/patents/import?dryRun=true", File(bytes, file)));
        Assert.Empty(Items(preview, "errors"));
        Assert.Equal(2, preview.GetProperty("patentsCreated").GetInt32());
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM patents"));
        var columns = Items(preview.GetProperty("preview"), "columns");
        Assert.Contains(columns, c => c.GetProperty("field").GetString() == "Application number");
        Assert.Contains(columns, c => c.GetProperty("field").GetString() == "Chinese title");
        Assert.Equal(export.Title.Length + 1, preview.GetProperty("preview").GetProperty("headerRow").GetInt32());

        var response = await office.PostAsync("/api/patents/import", File(bytes, file));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await ReportAsync(response)).GetProperty("patentsCreated").GetInt32());
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM patents WHERE legal_status = 'Valid' AND grant_date = '2017-06-20'"));
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM patents WHERE legal_status = 'Pending' AND main_ipc = 'G06F 17/22'"));
        Assert.Equal(2, await App.Database.CountAsync("SELECT count(*) FROM patents WHERE inventors[1] IN ('王骏', '陈琳')"));

        var again = await ReportAsync(await office.PostAsync("/api/patents/import", File(bytes, file)));
        Assert.Equal(2, again.GetProperty("patentsUpdated").GetInt32());
        Assert.Equal(2, await App.Database.CountAsync("SELECT count(*) FROM patents"));
    }

    [Theory]
    [InlineData("CNIPR TRS")]
    [InlineData("PatSnap")]
    [InlineData("incoPat")]
    public async Task A_pledge_in_the_status_is_kept_as_a_fact_and_wakes_the_patent(string name)
    {
        var (office, owner) = await OfficeAsync();
        var export = ExportFixtures.Exports.Single(e => e.Name == name);
        var (bytes, file) = ExportFixtures.Build(export.Format, export.Title, export.Columns.Select(c => c.Header).ToArray(),
            ExportFixtures.Records(owner).Select(r => export.Columns.Select(c => c.Value(r)).ToArray()));
        var report = await ReportAsync(await office.PostAsync("/api/patents/import", File(bytes, file)));
        Assert.Contains(Items(report, "notes"), n => n.GetProperty("message").GetString()!.Contains("pledge"));
        var patents = (await office.GetFromJsonAsync<JsonElement>("/api/patents")).GetProperty("items").EnumerateArray().ToList();
        var pledged = Assert.Single(patents, p => p.GetProperty("pledgeRecorded").GetBoolean());
        Assert.False(pledged.GetProperty("isSleeping").GetBoolean());
    }

    [Fact]
    public async Task Two_owner_columns_are_resolved_and_the_preview_says_which_was_read()
    {
        var (office, owner) = await OfficeAsync();
        var export = ExportFixtures.Exports.Single(e => e.Name == "incoPat");
        var (bytes, file) = ExportFixtures.Build(export.Format, export.Title, export.Columns.Select(c => c.Header).ToArray(),
            ExportFixtures.Records(owner).Select(r => export.Columns.Select(c => c.Value(r)).ToArray()));
        var preview = (await ReportAsync(await office.PostAsync("/api/patents/import?dryRun=true", File(bytes, file)))).GetProperty("preview");
        var owners = Assert.Single(Items(preview, "ambiguous"), a => a.GetProperty("used").GetString() == "当前权利人");
        Assert.Equal(["申请人"], owners.GetProperty("notUsed").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(Items(preview, "ambiguous"), a => a.GetProperty("used").GetString() == "当前法律状态");
    }

    [Fact]
    public async Task The_report_speaks_Chinese_unless_English_is_asked_for()
    {
        var (office, owner) = await OfficeAsync();
        var export = ExportFixtures.Exports.Single(e => e.Name == "pss-system");
        var (bytes, file) = ExportFixtures.Build(export.Format, export.Title, export.Columns.Select(c => c.Header).ToArray(),
            ExportFixtures.Records(owner).Select(r => export.Columns.Select(c => c.Value(r)).ToArray()));
        office.DefaultRequestHeaders.AcceptLanguage.Clear();
        var report = await ReportAsync(await office.PostAsync("/api/patents/import?dryRun=true", File(bytes, file)));
        Assert.Contains(Items(report.GetProperty("preview"), "columns"), c => c.GetProperty("field").GetString() == "申请号");
        Assert.Contains(Items(report, "notes"), n => n.GetProperty("message").GetString()!.Contains("摘要"));
        Assert.Equal("发明名称", Items(report.GetProperty("preview"), "columns").Single(c => c.GetProperty("field").GetString() == "中文标题").GetProperty("header").GetString());
    }
}
