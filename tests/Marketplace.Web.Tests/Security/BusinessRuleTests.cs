using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Tests.Deals;
using Marketplace.Web.Tests.Sessions;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Security;

/// <summary>Issue 23, finding 6: schedules by agreement, one deal per registration number, the board's deals, licences for nothing.</summary>
public sealed class BusinessRuleTests(WebApp app) : AppTest(app)
{
    private static object Schedule(params (string Due, decimal Amount)[] lines) => new
    {
        instalments = lines.Select((l, i) => new { kind = i == 0 ? "Upfront" : "Milestone", label = $"第{i + 1}期", dueDate = l.Due, amount = l.Amount }),
    };

    [Fact]
    public async Task A_signed_deals_schedule_changes_only_when_the_other_party_accepts_the_proposal()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.ScheduleAsync(("Upfront", 300_000m));
        await s.SignAsync();
        var later = DateOnly.Parse(DealScenario.Today).AddYears(1).ToString("yyyy-MM-dd");

        var rewrite = await s.Buyer.PutAsJsonAsync($"/api/deals/{s.DealId}/payments", Schedule(("2099-12-31", 300_000m)));
        Assert.Equal(HttpStatusCode.Conflict, rewrite.StatusCode);
        var far = await s.Buyer.PostAsJsonAsync($"/api/deals/{s.DealId}/payments/proposal", Schedule(("2099-12-31", 300_000m)));
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        await FieldErrorAsync(far, "instalments[0].dueDate");

        var proposed = await Json(await s.Buyer.PostAsJsonAsync($"/api/deals/{s.DealId}/payments/proposal", Schedule((later, 300_000m))));
        Assert.Equal(DealScenario.Today, proposed.GetProperty("instalments")[0].GetProperty("dueDate").GetString());
        Assert.Equal(s.Market.EnterpriseUser.OrganizationId, proposed.GetProperty("scheduleProposal").GetProperty("proposedByOrganizationId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Buyer.PostAsJsonAsync($"/api/deals/{s.DealId}/payments/proposal/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Market.Admin.PostAsJsonAsync($"/api/deals/{s.DealId}/payments/proposal/accept", new { })).StatusCode);

        var accepted = await Json(await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/payments/proposal/accept", new { }));
        Assert.Equal(later, accepted.GetProperty("instalments")[0].GetProperty("dueDate").GetString());
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("scheduleProposal").ValueKind);
        Assert.Equal(2, await App.Database.CountAsync(
            $"SELECT count(*) FROM audit_log WHERE entity_id = '{s.DealId}' AND action IN ('ScheduleProposed', 'ScheduleAccepted')"));
    }

    [Fact]
    public async Task Three_thousand_and_one_instalments_are_refused()
    {
        var s = await new DealScenario(App).AgreeAsync();
        var lines = Enumerable.Range(0, 3001).Select(_ => (DealScenario.Today, 100m)).ToArray();
        var response = await s.Seller.PutAsJsonAsync($"/api/deals/{s.DealId}/payments", Schedule(lines));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("120", await FieldErrorAsync(response, "instalments"));
    }

    [Fact]
    public async Task Changing_a_drafts_schedule_after_the_other_party_confirmed_needs_their_confirmation_again()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.ScheduleAsync(("Upfront", 300_000m));
        await Json(await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/sign", new { contractDate = DealScenario.Today, registrationNumber = s.ContractNumber }));
        await Json(await s.Buyer.PutAsJsonAsync($"/api/deals/{s.DealId}/payments", Schedule((DealScenario.Today, 100_000m), (DealScenario.Today, 200_000m))));
        var buyerSigns = await Json(await s.Buyer.PostAsJsonAsync($"/api/deals/{s.DealId}/sign", new { contractDate = DealScenario.Today, registrationNumber = s.ContractNumber }));
        Assert.Equal("Draft", buyerSigns.GetProperty("status").GetString());
        Assert.False(buyerSigns.GetProperty("sellerConfirmed").GetBoolean());
    }

    [Fact]
    public async Task A_registration_number_belongs_to_one_deal_until_that_deal_is_cancelled()
    {
        var first = await new DealScenario(App).AgreeAsync(n: 1);
        await first.SignAsync();
        var second = await new DealScenario(App).AgreeAsync(n: 2);
        var reused = await second.Seller.PostAsJsonAsync($"/api/deals/{second.DealId}/sign",
            new { contractDate = DealScenario.Today, registrationNumber = first.ContractNumber.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        await FieldErrorAsync(reused, "registrationNumber");

        await Json(await first.Seller.PostAsJsonAsync($"/api/deals/{first.DealId}/cancel", new { reason = "合同解除" }));
        foreach (var party in new[] { second.Seller, second.Buyer })
            await Json(await party.PostAsJsonAsync($"/api/deals/{second.DealId}/sign", new { contractDate = DealScenario.Today, registrationNumber = first.ContractNumber }));
    }

    [Fact]
    public async Task The_public_board_shows_a_sessions_deal_only_once_announced()
    {
        var world = await new SessionWorld(App).OpenAsync();
        var room = await Json(await world.Market.Enterprise.PostAsJsonAsync("/api/inquiries", new { listingId = world.Listings[0], sessionId = world.Id }));
        var offer = await Json(await world.Market.Office.PostAsJsonAsync($"/api/inquiries/{room.GetProperty("id").GetGuid()}/offers", Licence(300_000m)));
        var dealId = (await Json(await world.Market.Enterprise.PostAsync($"/api/offers/{offer.GetProperty("id").GetGuid()}/accept", null))).GetProperty("dealId").GetGuid();
        var anonymous = App.CreateClient();

        var before = await anonymous.GetFromJsonAsync<JsonElement>($"/api/sessions/{world.Id}/board");
        Assert.Empty(before.GetProperty("deals").EnumerateArray());
        Assert.Equal(0m, before.GetProperty("sessionVolume").GetDecimal());
        Assert.DoesNotContain(dealId.ToString(), await anonymous.GetStringAsync($"/Sessions/Board/{world.Id}"));

        await Json(await world.Market.Admin.PostAsync($"/api/sessions/{world.Id}/deals/{dealId}/announce", null));
        var after = await anonymous.GetFromJsonAsync<JsonElement>($"/api/sessions/{world.Id}/board");
        Assert.Equal(dealId, after.GetProperty("deals")[0].GetProperty("dealId").GetGuid());
    }

    [Fact]
    public async Task A_licence_offer_or_listing_with_neither_fee_nor_royalty_is_refused()
    {
        var market = await new Matchmaking.Market(App).OpenAsync();
        var room = await market.OpenInquiryAsync(await market.PublishAsync(1, "一种船舶智能导航装置", "导航。", ["G01C 21/20"], PatentSamples.Licence()));
        var free = await market.Office.PostAsJsonAsync($"/api/inquiries/{room}/offers",
            new { terms = new { mode = "Licence", licenceKind = "NonExclusive", territory = "中国", termMonths = 12, lumpSum = 0, royaltyRatePercent = 0 } });
        Assert.Equal(HttpStatusCode.BadRequest, free.StatusCode);
        await FieldErrorAsync(free, "lumpSum");

        var patent = await Json(await market.Office.PostAsJsonAsync("/api/patents", PatentSamples.Patent(7)));
        var listing = await market.Office.PostAsJsonAsync("/api/listings", new
        {
            patentId = patent.GetProperty("id").GetGuid(),
            terms = new { licence = new { kind = "NonExclusive", territory = "中国", termMonths = 12, lumpSum = 0, royaltyRatePercent = 0 } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, listing.StatusCode);
        await FieldErrorAsync(listing, "licence.lumpSum");
    }
}
