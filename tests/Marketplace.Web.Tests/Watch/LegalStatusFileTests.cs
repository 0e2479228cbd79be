using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Tests.Import;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Watch;

/// <summary>Legal-status files uploaded to POST /api/watch/legal-status: the events applied with their dates.</summary>
public sealed class LegalStatusFileTests(WebApp app) : AppTest(app)
{
    private static readonly string[] EventList = ["申请号", "法律状态公告日", "法律状态", "法律状态信息"];
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-days).ToString("yyyy-MM-dd");
    private RaisedEvents Raised => App.Services.GetRequiredService<RaisedEvents>();

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string format, string[] header, IEnumerable<string[]> rows, string? asOf = null)
    {
        var (bytes, name) = ExportFixtures.Build(format, ["中国及多国专利审查信息查询 法律状态"], header, rows);
        return client.PostAsync("/api/watch/legal-status" + (asOf is null ? "" : $"?asOf={asOf}"), ImportTestKit.File(bytes, name));
    }

    private static async Task<JsonElement> PatentAsync(HttpClient client, Guid id) => await Json(await client.GetAsync($"/api/patents/{id}"));

    private static async Task<List<JsonElement>> HistoryAsync(HttpClient client, Guid id) =>
        (await Json(await client.GetAsync($"/api/patents/{id}/calendar"))).GetProperty("events").EnumerateArray().ToList();

    [Theory]
    [InlineData("csv")]
    [InlineData("csv-gb18030")]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public async Task A_lapse_in_an_uploaded_event_list_suspends_warns_and_watchlists_and_a_restoration_undoes_it(string format)
    {
        var s = await new WatchScenario(App).OpenAsync(1);
        var number = (string)s.PatentBody["applicationNumber"]!;

        var lapse = await Json(await UploadAsync(s.Seller, format, EventList, [[number, DaysAgo(30), "未缴年费专利权终止", "专利权终止日：" + DaysAgo(200)]]));
        Assert.Equal((1, 1), (lapse.GetProperty("rows").GetInt32(), lapse.GetProperty("applied").GetInt32()));
        Assert.Equal(("Lapsed", "未缴年费专利权终止"), ((await PatentAsync(s.Seller, s.PatentId)).GetProperty("legalStatus").GetString(),
            (await PatentAsync(s.Seller, s.PatentId)).GetProperty("lapseReason").GetString()));
        Assert.Equal("Suspended", await s.ListingStatusAsync());
        Assert.Single((await s.WatchlistAsync(s.Bank)).EnumerateArray());
        Assert.Single(Raised.Of<NegotiationWarned>(w => w.InquiryId == s.RoomId && w.Warning == PatentWarning.Lapsed));
        Assert.Single(Raised.Of<DealWarned>(w => w.DealId == s.DealId && w.Warning == PatentWarning.Lapsed));
        Assert.Contains(LegalStatusAudit, await s.AuditActionsAsync("Patent", s.PatentId));

        var restore = await Json(await UploadAsync(s.Seller, format, EventList, [[number, DaysAgo(2), "专利权的恢复", ""]]));
        Assert.Equal(1, restore.GetProperty("applied").GetInt32());
        Assert.Equal("Valid", (await PatentAsync(s.Seller, s.PatentId)).GetProperty("legalStatus").GetString());
        Assert.Equal("Published", await s.ListingStatusAsync());
        Assert.Empty((await s.WatchlistAsync(s.Bank)).EnumerateArray());
        var history = await HistoryAsync(s.Seller, s.PatentId);
        Assert.Equal(["专利权的恢复", "未缴年费专利权终止"], history.Select(e => e.GetProperty("status").GetString()));
        Assert.All(history, e => Assert.Equal("Applied", e.GetProperty("outcome").GetString()));
        Assert.All(history, e => Assert.StartsWith("file: export.", e.GetProperty("source").GetString()));
    }

    private const string LegalStatusAudit = "RegisterEvent";

    [Fact]
    public async Task Rows_of_another_offices_patents_are_refused_and_nothing_is_applied_for_them()
    {
        var mine = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var theirs = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var myPatent = (await Json(await mine.PostAsJsonAsync("/api/patents", PatentSamples.Patent(1)))).GetProperty("id").GetGuid();
        var theirPatent = (await Json(await theirs.PostAsJsonAsync("/api/patents", PatentSamples.Patent(2)))).GetProperty("id").GetGuid();

        var response = await UploadAsync(mine, "csv", EventList,
        [
            [PatentSamples.Number(1), DaysAgo(10), "专利权的终止", ""],
            [PatentSamples.Number(2), DaysAgo(10), "专利权的终止", ""],
            [PatentSamples.Number(3), DaysAgo(10), "专利权的终止", ""],
        ]);
        var report = await Json(response);
        Assert.Equal((3, 1), (report.GetProperty("rows").GetInt32(), report.GetProperty("applied").GetInt32()));
        var refused = report.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal([4, 5], refused.Select(p => p.GetProperty("row").GetInt32()));
        Assert.All(refused, p => Assert.Equal("applicationNumber", p.GetProperty("field").GetString()));
        // The same words for a patent of another office and one not registered at all: the refusal tells nothing.
        Assert.Equal(refused[0].GetProperty("message").GetString()!.Replace(PatentSamples.Number(2), "#"),
            refused[1].GetProperty("message").GetString()!.Replace(PatentSamples.Number(3), "#"));

        Assert.Equal("Lapsed", (await PatentAsync(mine, myPatent)).GetProperty("legalStatus").GetString());
        Assert.Equal("Valid", (await PatentAsync(theirs, theirPatent)).GetProperty("legalStatus").GetString());
        Assert.Empty(await HistoryAsync(theirs, theirPatent));

        var onlyTheirs = await UploadAsync(mine, "csv", EventList, [[PatentSamples.Number(2), DaysAgo(10), "专利权的终止", ""]]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onlyTheirs.StatusCode);
        Assert.Equal("Valid", (await PatentAsync(theirs, theirPatent)).GetProperty("legalStatus").GetString());
    }

    [Fact]
    public async Task The_park_office_applies_events_to_any_office_s_patents()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var id = (await Json(await office.PostAsJsonAsync("/api/patents", PatentSamples.Patent(1)))).GetProperty("id").GetGuid();
        var report = await Json(await UploadAsync(admin, "xlsx", EventList, [[PatentSamples.Number(1), DaysAgo(3), "专利权有效期届满", ""]]));
        Assert.Equal(1, report.GetProperty("applied").GetInt32());
        Assert.Equal("Lapsed", (await PatentAsync(office, id)).GetProperty("legalStatus").GetString());
    }

    [Fact]
    public async Task A_future_event_is_refused_and_an_event_older_than_the_last_applied_is_history_only()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var id = (await Json(await office.PostAsJsonAsync("/api/patents", PatentSamples.Patent(1)))).GetProperty("id").GetGuid();
        var number = PatentSamples.Number(1);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd");

        var future = await UploadAsync(office, "csv", EventList, [[number, tomorrow, "专利权的终止", ""]]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        var problem = Assert.Single((await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal(("date", 3), (problem.GetProperty("field").GetString(), problem.GetProperty("row").GetInt32()));
        Assert.Equal("Valid", (await PatentAsync(office, id)).GetProperty("legalStatus").GetString());
        Assert.Empty(await HistoryAsync(office, id));

        // Lapsed 60 days ago and restored 10 days ago, in one file whose rows are out of order.
        var both = await Json(await UploadAsync(office, "csv", EventList, [[number, DaysAgo(10), "权利恢复", ""], [number, DaysAgo(60), "未缴年费专利权终止", ""]]));
        Assert.Equal(2, both.GetProperty("applied").GetInt32());
        Assert.Equal("Valid", (await PatentAsync(office, id)).GetProperty("legalStatus").GetString());

        // A later file still carries the old lapse: kept in the history, the patent stays valid.
        var old = await Json(await UploadAsync(office, "csv", EventList, [[number, DaysAgo(60), "未缴年费专利权终止", ""]]));
        Assert.Equal((0, 1), (old.GetProperty("applied").GetInt32(), old.GetProperty("history").GetInt32()));
        Assert.Equal("Valid", (await PatentAsync(office, id)).GetProperty("legalStatus").GetString());
        Assert.Contains(await HistoryAsync(office, id), e => e.GetProperty("outcome").GetString() == "History");
    }

    [Fact]
    public async Task An_export_without_event_dates_needs_the_date_it_was_made_and_matches_by_publication_number()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var patent = PatentSamples.Patent(1);
        patent["publicationNumber"] = "CN110123456B";
        var id = (await Json(await office.PostAsJsonAsync("/api/patents", patent))).GetProperty("id").GetGuid();
        // PatSnap's export: publication number and the events joined with " | ", no application number, no dates.
        string[] header = ["序号", "公开(公告)号", "标题", "简单法律状态", "法律状态/事件"];
        string[][] rows = [["1", "CN110123456B", "一种用于船舶的智能导航装置1", "失效", "授权 | 未缴年费"]];

        var undated = await UploadAsync(office, "xlsx", header, rows);
        Assert.Equal(HttpStatusCode.BadRequest, undated.StatusCode);
        Assert.Contains("date the export was made", await FieldErrorAsync(undated, "asOf"));
        Assert.Equal("Valid", (await PatentAsync(office, id)).GetProperty("legalStatus").GetString());

        var dated = await Json(await UploadAsync(office, "xlsx", header, rows, asOf: DaysAgo(1)));
        Assert.Equal(1, dated.GetProperty("applied").GetInt32());
        var lapsed = await PatentAsync(office, id);
        Assert.Equal(("Lapsed", "未缴年费"), (lapsed.GetProperty("legalStatus").GetString(), lapsed.GetProperty("lapseReason").GetString()));
    }

    [Fact]
    public async Task Unreadable_rows_and_files_get_a_clear_answer_naming_the_field()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        await Json(await office.PostAsJsonAsync("/api/patents", PatentSamples.Patent(1)));
        var report = await Json(await UploadAsync(office, "csv", EventList,
        [
            [PatentSamples.Number(1), "昨天", "专利权的终止", ""],
            [PatentSamples.Number(1), DaysAgo(5), "好像失效了", ""],
            ["not a number", DaysAgo(5), "专利权的终止", ""],
            [PatentSamples.Number(1), DaysAgo(5), "专利权质押合同登记的生效", ""],
        ]));
        Assert.Equal((1, 0), (report.GetProperty("unchanged").GetInt32(), report.GetProperty("applied").GetInt32()));
        Assert.Equal(["date", "legalStatus", "applicationNumber"], report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()));

        var notAFile = await office.PostAsync("/api/watch/legal-status", ImportTestKit.File([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "status.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, notAFile.StatusCode);
        await FieldErrorAsync(notAFile, "file");
        var noColumns = await UploadAsync(office, "csv", ["专利名称", "申请日"], [["一种装置", "2020-01-01"]]);
        Assert.Equal(HttpStatusCode.BadRequest, noColumns.StatusCode);
        await FieldErrorAsync(noColumns, "file");

        var bank = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Bank));
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(bank, "csv", EventList, [[PatentSamples.Number(1), DaysAgo(5), "专利权的终止", ""]])).StatusCode);
    }
}
