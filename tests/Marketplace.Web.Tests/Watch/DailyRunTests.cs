using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Tests.Shared;
using Marketplace.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Watch;

/// <summary>The daily run through the app's own Quartz scheduler (POST /api/watch/run), on real dates around today.</summary>
public sealed class DailyRunTests(WebApp app) : AppTest(app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>A granted patent whose fee for year 7 falls due <paramref name="dueInDays"/> from today (negative: that
    /// long ago), with years 1–6 paid; numbered in 2024 so that any filing date before it is consistent.</summary>
    public static Dictionary<string, object?> FeeDue(int n, int dueInDays, PatentType type = PatentType.Invention, int filedYearsAgo = 6)
    {
        var filed = Today.AddDays(dueInDays).AddYears(-filedYearsAgo);
        var calendar = new PatentCalendar(type, filed);
        var typeDigit = type switch { PatentType.Invention => 1, PatentType.UtilityModel => 2, _ => 3 };
        var digits = $"2024{typeDigit}{n:D7}";
        var patent = PatentSamples.Patent(n);
        patent["applicationNumber"] = $"{digits}.{ApplicationNumber.CheckCharacter(digits)}";
        patent["type"] = type.ToString();
        patent["filingDate"] = filed.ToString("yyyy-MM-dd");
        patent["grantDate"] = filed.AddMonths(18).ToString("yyyy-MM-dd");
        patent["feesPaidThrough"] = calendar.PaidThrough(filedYearsAgo).ToString("yyyy-MM-dd");
        return patent;
    }

    private async Task<JsonElement> RunAsync(HttpClient admin)
    {
        var before = (await Json(await admin.GetAsync("/api/watch/runs"))).GetArrayLength();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/watch/run", null)).StatusCode);
        for (var i = 0; i < 300; i++)
        {
            var runs = await Json(await admin.GetAsync("/api/watch/runs"));
            if (runs.GetArrayLength() > before && runs[0].TryGetProperty("finishedAt", out var f) && f.ValueKind != JsonValueKind.Null)
                return runs[0];
            await Task.Delay(100);
        }
        throw new TimeoutException("the triggered run did not finish in 30 s");
    }

    [Fact]
    public async Task The_run_reminds_lapses_and_tells_the_term_once_and_a_second_run_raises_nothing()
    {
        var office = await App.CreateUserAsync(OrganizationType.University);
        var client = await App.ClientForAsync(office);
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var dueSoon = (await Json(await client.PostAsJsonAsync("/api/patents", FeeDue(1, 20)))).GetProperty("id").GetGuid();
        var inGrace = (await Json(await client.PostAsJsonAsync("/api/patents", FeeDue(2, -40)))).GetProperty("id").GetGuid();
        var pastGrace = (await Json(await client.PostAsJsonAsync("/api/patents", FeeDue(3, -200)))).GetProperty("id").GetGuid();
        // A utility model in its tenth year, fees paid to the end: its term ends in about 100 days.
        var ending = (await Json(await client.PostAsJsonAsync("/api/patents", FeeDue(4, 100, PatentType.UtilityModel, filedYearsAgo: 10))))
            .GetProperty("id").GetGuid();
        var listing = (await Json(await client.PostAsJsonAsync("/api/listings", new { patentId = pastGrace, terms = PatentSamples.Licence() }))).GetProperty("id").GetGuid();
        await Json(await client.PostAsync($"/api/listings/{listing}/submit", null));
        await Json(await admin.PostAsync($"/api/listings/{listing}/approve", null));

        var first = await RunAsync(admin);
        Assert.Equal(4, first.GetProperty("patents").GetInt32());
        Assert.Equal(1, first.GetProperty("lapses").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("error").ValueKind);

        var alerts = (await Json(await client.GetAsync("/api/watch/alerts"))).EnumerateArray().ToList();
        string Kind(JsonElement a) => a.GetProperty("kind").GetString()!;
        var due = Assert.Single(alerts, a => a.GetProperty("patentId").GetGuid() == dueSoon);
        Assert.Equal(("FeeDueSoon", 30, 7, 2000m), (Kind(due), due.GetProperty("daysBefore").GetInt32(), due.GetProperty("feeYear").GetInt32(), due.GetProperty("amount").GetDecimal()));
        Assert.Equal(Today.AddDays(20).ToString("yyyy-MM-dd"), due.GetProperty("on").GetString());
        Assert.Equal("FeeOverdue", Kind(Assert.Single(alerts, a => a.GetProperty("patentId").GetGuid() == inGrace)));
        var lapse = Assert.Single(alerts, a => a.GetProperty("patentId").GetGuid() == pastGrace);
        Assert.Equal(("Lapsed", "未缴年费专利权终止"), (Kind(lapse), lapse.GetProperty("detail").GetString()));
        Assert.Equal(Today.AddDays(-200).ToString("yyyy-MM-dd"), lapse.GetProperty("on").GetString());
        Assert.Equal("TermEnding", Kind(Assert.Single(alerts, a => a.GetProperty("patentId").GetGuid() == ending)));

        var lapsed = await Json(await client.GetAsync($"/api/patents/{pastGrace}"));
        Assert.Equal(("Lapsed", "未缴年费专利权终止"), (lapsed.GetProperty("legalStatus").GetString(), lapsed.GetProperty("lapseReason").GetString()));
        await App.Services.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
        Assert.Equal("Suspended", (await Json(await admin.GetAsync($"/api/listings/{listing}"))).GetProperty("status").GetString());
        var history = (await Json(await client.GetAsync($"/api/patents/{pastGrace}/calendar"))).GetProperty("events");
        var applied = Assert.Single(history.EnumerateArray());
        Assert.Equal(("calendar", "Applied"), (applied.GetProperty("source").GetString(), applied.GetProperty("outcome").GetString()));

        var second = await RunAsync(admin);
        Assert.Equal((4, 0, 0), (second.GetProperty("patents").GetInt32(), second.GetProperty("alerts").GetInt32(), second.GetProperty("lapses").GetInt32()));
        Assert.Equal(alerts.Count, (await Json(await client.GetAsync("/api/watch/alerts"))).GetArrayLength());
    }

    [Fact]
    public async Task The_calendar_shows_the_next_fee_and_its_surcharge_today_to_whoever_may_see_the_patent()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var other = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        // Due 40 days ago: the second month of grace has begun, 5 % of year 7's 2,000 yuan.
        var id = (await Json(await office.PostAsJsonAsync("/api/patents", FeeDue(5, -40)))).GetProperty("id").GetGuid();

        var calendar = await Json(await office.GetAsync($"/api/patents/{id}/calendar"));
        var next = calendar.GetProperty("nextFee");
        Assert.Equal((7, -40, 2000m), (next.GetProperty("year").GetInt32(), next.GetProperty("daysLeft").GetInt32(), next.GetProperty("amount").GetDecimal()));
        Assert.Equal(100m, next.GetProperty("surchargeToday").GetDecimal());
        Assert.Equal(20, calendar.GetProperty("fees").GetArrayLength());
        Assert.Contains(calendar.GetProperty("fees").EnumerateArray(), f => f.GetProperty("year").GetInt32() == 6 && f.GetProperty("paid").GetBoolean());
        Assert.DoesNotContain(calendar.GetProperty("fees").EnumerateArray(), f => f.GetProperty("year").GetInt32() == 7 && f.GetProperty("paid").GetBoolean());

        var upcoming = await Json(await office.GetAsync("/api/watch/upcoming"));
        Assert.Equal(id, Assert.Single(upcoming.EnumerateArray()).GetProperty("patentId").GetGuid());
        Assert.Empty((await Json(await other.GetAsync("/api/watch/upcoming"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/patents/{id}/calendar")).StatusCode);
    }

    [Fact]
    public async Task Only_the_park_office_runs_the_watch_and_reads_its_runs()
    {
        var office = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.University));
        var bank = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Bank));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync("/api/watch/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/api/watch/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync("/api/watch/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/watch/alerts")).StatusCode);
    }
}
