using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Marketplace.Web.Tests.Dashboard;

public sealed class SessionFiguresTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Sessions_held_count_per_year_against_four_and_drill_down_to_their_attendance()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await DemoSeed.SeedAsync(scope.ServiceProvider, "Weihai-Demo-2026-test", TimeProvider.System, CancellationToken.None);
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));

        var year = (await admin.GetFromJsonAsync<JsonElement>("/api/targets?year=2024")).GetProperty("sessions");
        Assert.Equal(4, year.GetProperty("target").GetInt32());
        var held = year.GetProperty("held").GetInt32();
        Assert.True(held >= 4, year.ToString());
        Assert.Equal(held, await App.Database.CountAsync("""
            SELECT count(*) FROM matchmaking_sessions WHERE status IN ('Live', 'Closed') AND extract(year FROM starts_at AT TIME ZONE 'Asia/Shanghai') = 2024
            """));
        var plan = await admin.GetFromJsonAsync<JsonElement>("/api/targets");
        Assert.Equal(12, plan.GetProperty("sessions").GetProperty("target").GetInt32());
        Assert.Contains(plan.GetProperty("progress").EnumerateArray(), p => p.GetProperty("key").GetString() == "sessions");

        var records = await admin.GetFromJsonAsync<JsonElement>("/api/targets/records/sessions?year=2024");
        Assert.Equal(held, records.GetProperty("count").GetInt32());
        Assert.True(records.GetProperty("second").GetInt32() > 0, "no attendance in the demo sessions");
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        using var sheet = new MemoryStream(await admin.GetByteArrayAsync("/api/exports/sessions?format=xlsx&from=2024-01-01&to=2024-12-31"));
        var rows = sheet.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(held, rows.Count);
        Assert.Equal(records.GetProperty("second").GetInt32(), rows.Sum(r => Convert.ToInt32(r["实际参加"])));
    }
}
