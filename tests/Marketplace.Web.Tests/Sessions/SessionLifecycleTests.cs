using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Microsoft.AspNetCore.SignalR.Client;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Sessions;

/// <summary>Sessions through their lifecycle over the API: announcement, registration, check-in, report.</summary>
public sealed class SessionLifecycleTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Each_transition_is_audited_and_an_illegal_one_is_a_conflict()
    {
        var world = await new SessionWorld(App).OpenAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await world.Market.Admin.PostAsync($"/api/sessions/{world.Id}/open", null)).StatusCode);
        var closed = await world.PostAsync($"/api/sessions/{world.Id}/close");
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(3, await App.Database.CountAsync(
            $"SELECT count(*) FROM audit_log WHERE entity = 'MatchmakingSession' AND entity_id = '{world.Id}' AND action IN ('RegistrationOpened','Started','Closed')"));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_others_than_the_park_office_cannot_create()
    {
        var market = await new Matchmaking.Market(App).OpenAsync();
        var response = await market.Admin.PostAsJsonAsync("/api/sessions", SessionWorld.Details(titleZh: ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("title", await FieldErrorAsync(response, "titleZh"));
        Assert.Equal(HttpStatusCode.Forbidden, (await market.Enterprise.PostAsJsonAsync("/api/sessions", SessionWorld.Details())).StatusCode);
        Assert.Equal(0, await App.Database.CountAsync("SELECT count(*) FROM matchmaking_sessions"));
    }

    [Fact]
    public async Task A_draft_is_invisible_to_the_public_and_registration_waits_for_it_to_open()
    {
        var market = await new Matchmaking.Market(App).OpenAsync();
        var id = (await Json(await market.Admin.PostAsJsonAsync("/api/sessions", SessionWorld.Details()))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync($"/api/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await market.Enterprise.PostAsync($"/api/sessions/{id}/registrations", null)).StatusCode);
        var refused = await market.Admin.PostAsync($"/api/sessions/{id}/open", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("pitch", await FieldErrorAsync(refused, "pitches"));
    }

    [Fact]
    public async Task Registration_approval_and_check_in_count_as_attendance_once()
    {
        var world = await new SessionWorld(App).OpenAsync(live: false);
        var again = await world.Market.Enterprise.PostAsync($"/api/sessions/{world.Id}/registrations", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var park = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        Assert.Equal(HttpStatusCode.Forbidden, (await park.PostAsync($"/api/sessions/{world.Id}/registrations", null)).StatusCode);

        var code = world.Codes[world.Market.EnterpriseUser.OrganizationId];
        var wrong = await world.Market.Admin.PostAsJsonAsync($"/api/sessions/{world.Id}/checkin", new { code = "WRONG123" });
        Assert.Contains("code", await FieldErrorAsync(wrong, "code"));
        var checkedIn = await Json(await world.Market.Admin.PostAsJsonAsync($"/api/sessions/{world.Id}/checkin", new { code = code.ToLowerInvariant() }));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, checkedIn.GetProperty("checkedInAt").ValueKind);
        await Json(await world.Market.Admin.PostAsJsonAsync($"/api/sessions/{world.Id}/checkin", new { code }));
        var board = await Json(await App.CreateClient().GetAsync($"/api/sessions/{world.Id}/board"));
        Assert.Equal(1, board.GetProperty("presence").GetProperty("Enterprise").GetInt32());

        // Other participants do not see each other's codes.
        var mine = await Json(await world.Bank.GetAsync($"/api/sessions/{world.Id}/registrations"));
        Assert.Equal(world.BankUser.OrganizationId, Assert.Single(mine.EnumerateArray()).GetProperty("organizationId").GetGuid());
    }

    [Fact]
    public async Task The_report_counts_attendance_interest_and_deals_of_inquiries_opened_from_the_session()
    {
        var world = await new SessionWorld(App).OpenAsync();
        await world.StartPitchAsync(0);
        await using (var enterprise = await SessionWorld.ConnectAsync(App, world.Market.EnterpriseUser))
        {
            await enterprise.JoinAsync(world.Id);
            await enterprise.Connection.InvokeAsync<Web.Features.Sessions.InterestResult>("ExpressInterest", world.Id, world.Pitches[0], "想谈许可");
        }
        var room = await Json(await world.Market.Enterprise.PostAsJsonAsync("/api/inquiries", new { listingId = world.Listings[0], sessionId = world.Id }));
        var foreign = await world.Market.Enterprise.PostAsJsonAsync("/api/inquiries", new { listingId = world.Listings[0], sessionId = Guid.NewGuid() });
        Assert.Contains("pitched", await FieldErrorAsync(foreign, "sessionId"));
        var roomId = room.GetProperty("id").GetGuid();
        var offer = await Json(await world.Market.Office.PostAsJsonAsync($"/api/inquiries/{roomId}/offers", Licence(300_000m)));
        var accepted = await Json(await world.Market.Enterprise.PostAsync($"/api/offers/{offer.GetProperty("id").GetGuid()}/accept", null));
        var announced = await Json(await world.Market.Admin.PostAsync($"/api/sessions/{world.Id}/deals/{accepted.GetProperty("dealId").GetGuid()}/announce", null));
        Assert.Equal(300_000m, announced.GetProperty("amount").GetDecimal());

        var report = await Json(await world.Market.Admin.GetAsync($"/api/sessions/{world.Id}/report"));
        Assert.Equal((1, 1, 1, 300_000m), (report.GetProperty("leads").GetInt32(), report.GetProperty("inquiries").GetInt32(),
            report.GetProperty("offers").GetInt32(), report.GetProperty("dealAmount").GetDecimal()));
        Assert.Equal(1, report.GetProperty("attended").GetInt32());
        var csv = await world.Market.Admin.GetAsync($"/api/sessions/{world.Id}/report?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"一种船舶智能导航装置\"", text);
        Assert.Contains("300000.00", text);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Market.Enterprise.GetAsync($"/api/sessions/{world.Id}/report")).StatusCode);

        // This year lies outside the 2022–2025 plan: held without a target, until a successor plan asks for some.
        var held = await Json(await App.CreateClient().GetAsync("/api/sessions/held"));
        Assert.Equal(JsonValueKind.Null, held.EnumerateArray().Last().GetProperty("target").ValueKind);
        var year = DateTime.UtcNow.AddHours(8).Year;
        await Json(await world.Market.Admin.PostAsJsonAsync("/api/targets/plans", new
        {
            name = "后续计划", from = $"{year}-01-01", to = $"{year + 4}-12-31", deals = 5_000_000m, pledgeFinancing = 800_000_000m, sessionsPerYear = 6,
        }));
        held = await Json(await App.CreateClient().GetAsync("/api/sessions/held"));
        Assert.Equal(6m, held.EnumerateArray().Last().GetProperty("target").GetDecimal());
    }
}
