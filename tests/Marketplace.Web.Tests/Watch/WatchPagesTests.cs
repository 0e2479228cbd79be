using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Tests.Import;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Watch;

/// <summary>The pages: the bank's officers see the watchlist on their home page and in their queue; an office uploads a
/// legal-status file through the upload page.</summary>
public sealed class WatchPagesTests(WebApp app) : AppTest(app)
{
    private async Task<FormClient> SignedInAsync(Marketplace.Tests.Shared.TestUser user)
    {
        var form = new FormClient(App);
        Assert.Equal(HttpStatusCode.Redirect, (await form.LoginAsync(user.Email, user.Password)).StatusCode);
        return form;
    }

    [Fact]
    public async Task The_banks_officers_see_the_lapsed_loan_on_their_home_page_and_in_the_queue_and_other_banks_do_not()
    {
        var s = await new WatchScenario(App).OpenAsync(1);
        var number = (string)s.PatentBody["applicationNumber"]!;
        await s.RecordStatusAsync(LegalStatus.Lapsed, "未缴年费专利权终止");

        var officer = await SignedInAsync(s.Officer);
        foreach (var page in new[] { "/", "/Pledges/Queue" })
        {
            var html = await officer.Http.GetStringAsync(page);
            var watchlist = html[html.IndexOf("data-testid=\"watchlist\"", StringComparison.Ordinal)..];
            Assert.Contains(number, watchlist);
            Assert.Contains("未缴年费专利权终止", watchlist);
            Assert.Contains("专利权失效", watchlist); // the reason's display name on the Chinese UI, every page's default
        }

        var stranger = await SignedInAsync(await App.CreateUserAsync(OrganizationType.Bank, role: Marketplace.Web.Platform.Identity.Roles.BankOfficer));
        var theirs = await stranger.Http.GetStringAsync("/");
        Assert.Contains("关注名单中没有贷款。", theirs);
        Assert.DoesNotContain(number, theirs);

        await s.RecordStatusAsync(LegalStatus.Valid, null);
        Assert.DoesNotContain(number, await officer.Http.GetStringAsync("/"));
    }

    [Fact]
    public async Task An_office_uploads_a_legal_status_file_on_the_page_and_reads_what_it_did()
    {
        var user = await App.CreateUserAsync(OrganizationType.University);
        var client = await App.ClientForAsync(user);
        var id = (await Json(await client.PostAsync("/api/patents", System.Net.Http.Json.JsonContent.Create(PatentSamples.Patent(1))))).GetProperty("id").GetGuid();
        var form = await SignedInAsync(user);
        var (_, token) = await form.GetPageAsync("/Watch/LegalStatus");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd");
        var csv = $"申请号,法律状态公告日,法律状态\r\n{PatentSamples.Number(1)},{yesterday},未缴年费专利权终止\r\n{PatentSamples.Number(9)},{yesterday},专利权的终止\r\n";
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "法律状态.csv");

        var response = await form.Http.PostAsync("/Watch/LegalStatus", content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("共读取 2 行：1 个事件改变了专利状态", html);
        Assert.Contains($"{PatentSamples.Number(9)} 不是贵单位在平台上的专利", html);
        Assert.Equal("Lapsed", (await Json(await client.GetAsync($"/api/patents/{id}"))).GetProperty("legalStatus").GetString());

        var empty = await form.Http.PostAsync("/Watch/LegalStatus", new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } });
        Assert.Contains("请选择 XLSX、XLS 或 CSV 文件。", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_office_reads_its_fees_and_alerts_and_a_patents_calendar_in_chinese_and_another_office_gets_404()
    {
        var user = await App.CreateUserAsync(OrganizationType.University);
        var client = await App.ClientForAsync(user);
        // Due 40 days ago: in the second month of grace, 5 % of year 7's 2,000 yuan.
        var id = (await Json(await client.PostAsync("/api/patents", System.Net.Http.Json.JsonContent.Create(DailyRunTests.FeeDue(6, -40)))))
            .GetProperty("id").GetGuid();
        var number = (await Json(await client.GetAsync($"/api/patents/{id}"))).GetProperty("applicationNumber").GetString()!;
        var form = await SignedInAsync(user);

        var watch = await form.Http.GetStringAsync("/Watch");
        var fees = watch[watch.IndexOf("data-testid=\"upcoming-fees\"", StringComparison.Ordinal)..];
        Assert.Contains(number, fees);
        Assert.Contains("已逾期 40 天", fees);
        Assert.Contains("¥2,000.00", fees);
        Assert.Contains("¥100.00", fees);
        Assert.Contains("暂无监测提醒。", watch);
        Assert.Contains($"href=\"/Watch/Patent/{id}\"", await form.Http.GetStringAsync("/Patents"));

        var calendar = await form.Http.GetStringAsync($"/Watch/Patent/{id}");
        Assert.Contains("第7年年费（¥2,000.00）已于", calendar);
        Assert.Contains("data-year=\"6\" data-paid=\"True\"", calendar);
        Assert.Contains("data-year=\"7\" data-paid=\"False\"", calendar);
        Assert.Contains("尚无法律状态事件记录。", calendar);

        var other = await SignedInAsync(await App.CreateUserAsync(OrganizationType.University));
        Assert.DoesNotContain(number, await other.Http.GetStringAsync("/Watch"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Watch/Patent/{id}")).StatusCode);
        var bank = await SignedInAsync(await App.CreateUserAsync(OrganizationType.Bank, role: Marketplace.Web.Platform.Identity.Roles.BankOfficer));
        Assert.NotEqual(HttpStatusCode.OK, (await bank.Http.GetAsync("/Watch")).StatusCode);
    }
}
