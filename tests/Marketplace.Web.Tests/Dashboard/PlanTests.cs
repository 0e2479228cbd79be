using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Dashboard;

public sealed class PlanTests(WebApp app) : AppTest(app)
{
    private static readonly int ThisYear = DateTime.UtcNow.AddHours(8).Year;

    private static object Plan(string name, string from, string to, decimal deals = 5_000_000m, decimal pledges = 800_000_000m, int sessions = 6, uint? version = null) =>
        new { name, from, to, deals, pledgeFinancing = pledges, sessionsPerYear = sessions, version };

    [Fact]
    public async Task The_dashboard_opens_on_the_ended_2022_2025_plan_with_its_final_result_and_then_on_its_successor()
    {
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var ended = await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/targets");
        var scope = ended.GetProperty("scope");
        Assert.Equal(("2022-01-01", "2025-12-31", "Ended"), (scope.GetProperty("from").GetString(), scope.GetProperty("to").GetString(),
            scope.GetProperty("plan").GetProperty("status").GetString()));
        Assert.Equal(3_000_000m, ended.GetProperty("deals").GetProperty("target").GetDecimal());
        Assert.All(ended.GetProperty("progress").EnumerateArray(), p => Assert.False(p.GetProperty("met").GetBoolean()));
        var page = await App.CreateClient().GetStringAsync("/Targets");
        Assert.Contains("data-testid=\"plan-ended\"", page);
        Assert.Contains("data-testid=\"met-contracted\"", page);

        var created = await admin.PostAsJsonAsync("/api/targets/plans", Plan("2026–2030", "2026-01-01", "2030-12-31"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var current = await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/targets");
        Assert.Equal(("Running", 5_000_000m, 30m), (current.GetProperty("scope").GetProperty("plan").GetProperty("status").GetString(),
            current.GetProperty("deals").GetProperty("target").GetDecimal(), current.GetProperty("sessions").GetProperty("target").GetDecimal()));
        Assert.All(current.GetProperty("progress").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("met").ValueKind));
        var audit = await DbAsync(db => db.AuditEntries.Where(a => a.Entity == "TargetPlan").Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created"], audit);
    }

    [Fact]
    public async Task A_year_outside_every_plan_shows_its_figures_without_targets()
    {
        var year = await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/targets?year={ThisYear}");
        Assert.Equal(JsonValueKind.Null, year.GetProperty("deals").GetProperty("target").ValueKind);
        Assert.Empty(year.GetProperty("progress").EnumerateArray());
        Assert.Contains("data-testid=\"no-plan\"", await App.CreateClient().GetStringAsync($"/Targets?year={ThisYear}"));
        Assert.Equal(750_000m, (await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/targets?year=2025")).GetProperty("deals").GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task Plans_never_overlap_targets_are_above_zero_a_stale_edit_is_a_409_and_only_the_park_office_keeps_them()
    {
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        var overlap = await admin.PostAsJsonAsync("/api/targets/plans", Plan("重叠", "2025-07-01", "2027-06-30"));
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Contains("overlaps", await FieldErrorAsync(overlap, "from"));
        await FieldErrorAsync(await admin.PostAsJsonAsync("/api/targets/plans", Plan("零", "2026-01-01", "2026-12-31", deals: 0m)), "targets.deals");
        await FieldErrorAsync(await admin.PostAsJsonAsync("/api/targets/plans", Plan("负", "2026-01-01", "2026-12-31", pledges: -1m)), "targets.pledgeFinancing");
        await FieldErrorAsync(await admin.PostAsJsonAsync("/api/targets/plans", Plan("半月", "2026-01-15", "2026-12-31")), "from");

        var plans = await admin.GetFromJsonAsync<JsonElement>("/api/targets/plans");
        var seed = plans[0];
        var id = seed.GetProperty("id").GetGuid();
        var version = seed.GetProperty("version").GetUInt32();
        var edited = await admin.PutAsJsonAsync($"/api/targets/plans/{id}", Plan("2022–2025", "2022-01-01", "2025-12-31", 3_500_000m, 600_000_000m, 4, version));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stale = await admin.PutAsJsonAsync($"/api/targets/plans/{id}", Plan("2022–2025", "2022-01-01", "2025-12-31", 4_000_000m, 600_000_000m, 4, version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(3_500_000m, (await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/targets")).GetProperty("deals").GetProperty("target").GetDecimal());

        var enterprise = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync("/api/targets/plans", Plan("x", "2031-01-01", "2031-12-31"))).StatusCode);
        var audit = await DbAsync(db => db.AuditEntries.Where(a => a.Entity == "TargetPlan").OrderBy(a => a.Id).ToListAsync());
        var change = Assert.Single(audit);
        Assert.Equal("Edited", change.Action);
        Assert.Contains("deals 3000000.00 pledges 600000000.00 sessions 4/y → 2022–2025 2022-01-01..2025-12-31 deals 3500000.00", change.Comment);
    }

    [Fact]
    public async Task The_park_office_enters_a_successor_plan_by_form_and_a_refused_one_is_shown_next_to_its_fields()
    {
        var office = await App.CreateUserAsync(OrganizationType.ParkOffice);
        var form = new FormClient(App);
        await form.LoginAsync(office.Email, office.Password);
        (string, string)[] Fields(string deals) =>
        [
            ("Input.Name", "2026–2030"), ("Input.From", "2026-01-01"), ("Input.To", "2030-12-31"), ("Input.Targets.Deals", deals),
            ("Input.Targets.PledgeFinancing", "800000000"), ("Input.Targets.SessionsPerYear", "6"),
        ];
        var (_, token) = await form.GetPageAsync("/Targets/Plans");
        var refused = await form.PostFormAsync("/Targets/Plans", token, Fields("0"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("A target must be more than 0|目标必须大于 0", await refused.Content.ReadAsStringAsync());
        var entered = await form.PostFormAsync("/Targets/Plans", token, Fields("5000000"));
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        Assert.Equal(2, await App.Database.CountAsync("SELECT count(*) FROM target_plans"));
    }

    private async Task<T> DbAsync<T>(Func<MarketplaceDb, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MarketplaceDb>());
    }
}
