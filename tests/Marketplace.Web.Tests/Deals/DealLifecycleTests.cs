using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Deals;

public sealed class DealLifecycleTests(WebApp app) : AppTest(app)
{
    private async Task<T> DbAsync<T>(Func<MarketplaceDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDb>());
    }

    [Fact]
    public async Task A_deal_is_signed_by_both_parties_recorded_paid_by_transfer_and_completed_counting_toward_the_target()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.ScheduleAsync(("Upfront", 100_000m), ("Milestone", 200_000m));
        Assert.Equal(0m, (await s.TargetsAsync()).GetProperty("contracted").GetDecimal());
        var signed = await s.SignAsync();
        Assert.Equal("Signed", signed.GetProperty("status").GetString());
        var targets = await s.TargetsAsync();
        Assert.Equal(300_000m, targets.GetProperty("contracted").GetDecimal());
        Assert.Equal("NonExclusiveLicence", targets.GetProperty("byYear")[0].GetProperty("byCategory")[0].GetProperty("category").GetString());

        await Json(await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/record", new { recordNumber = DealScenario.Record, recordDate = DealScenario.Today }));
        foreach (var instalment in signed.GetProperty("instalments").EnumerateArray())
        {
            var id = instalment.GetProperty("id").GetGuid();
            await Json(await s.Buyer.PostAsJsonAsync($"/api/payments/{id}/report-transfer", new { reference = $"ICBC-{instalment.GetProperty("number")}" }));
            Assert.Equal(HttpStatusCode.Forbidden, (await s.Buyer.PostAsync($"/api/payments/{id}/confirm-transfer", null)).StatusCode);
            await Json(await s.Seller.PostAsync($"/api/payments/{id}/confirm-transfer", null));
        }
        var deal = await s.DealAsync();
        Assert.Equal(("Completed", 300_000m), (deal.GetProperty("status").GetString(), deal.GetProperty("received").GetDecimal()));
        Assert.Equal(300_000m, (await s.TargetsAsync()).GetProperty("received").GetDecimal());

        var history = await DbAsync(db => db.AuditEntries.Where(a => a.Entity == "Deal" && a.EntityId == s.DealId.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "ScheduleSet", "SignatureConfirmed", "SignatureConfirmed", "Recorded", "Completed"], history);
    }

    [Fact]
    public async Task Bad_steps_are_refused_with_the_right_status_and_change_nothing()
    {
        var s = await new DealScenario(App).AgreeAsync();
        var badNumber = await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/sign", new { contractDate = DealScenario.Today, registrationNumber = "2020990000000000" });
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        await FieldErrorAsync(badNumber, "registrationNumber");
        Assert.Equal(HttpStatusCode.Conflict,
            (await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/record", new { recordNumber = "R1", recordDate = DealScenario.Today })).StatusCode);
        var stranger = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.Enterprise));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/deals/{s.DealId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.PostAsJsonAsync($"/api/deals/{s.DealId}/sign", new { contractDate = DealScenario.Today, registrationNumber = DealScenario.Contract })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await s.Market.Admin.PostAsJsonAsync($"/api/deals/{s.DealId}/sign", new { contractDate = DealScenario.Today, registrationNumber = DealScenario.Contract })).StatusCode);
        var version = (await s.DealAsync()).GetProperty("version").GetUInt32();
        await s.ScheduleAsync(("Upfront", 300_000m));
        var stale = await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/cancel", new { reason = "x", version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var badSchedule = await s.Seller.PutAsJsonAsync($"/api/deals/{s.DealId}/payments", new
        {
            instalments = new[] { new { kind = "Upfront", label = "首付", dueDate = DealScenario.Today, amount = 100.001m } },
        });
        await FieldErrorAsync(badSchedule, "instalments[0].amount");
        Assert.Equal("Draft", (await s.DealAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_a_signed_deal_takes_it_out_of_the_totals()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.SignAsync();
        Assert.Equal(300_000m, (await s.TargetsAsync()).GetProperty("contracted").GetDecimal());
        var missing = await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/cancel", new { reason = " " });
        await FieldErrorAsync(missing, "reason");
        await Json(await s.Buyer.PostAsJsonAsync($"/api/deals/{s.DealId}/cancel", new { reason = "未获董事会批准" }));
        var totals = await s.TargetsAsync();
        Assert.Equal((0m, 0), (totals.GetProperty("contracted").GetDecimal(), totals.GetProperty("deals").GetInt32()));
    }

    [Fact]
    public async Task A_recorded_transfer_moves_the_patent_and_closes_the_sellers_listing()
    {
        var s = await new DealScenario(App).AgreeAsync(new { terms = new { mode = "Transfer", price = 800_000m } });
        await s.SignAsync();
        await Json(await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/record", new { recordNumber = "ZL2025-0001", recordDate = DealScenario.Today }));
        var (owner, status) = await DbAsync(async db =>
        {
            var deal = await db.Deals.SingleAsync(d => d.Id == s.DealId);
            var patent = await db.Patents.SingleAsync(p => p.Id == deal.PatentId);
            var listing = await db.Listings.SingleAsync(l => l.Id == s.ListingId);
            return (patent.OwnerOrganizationId, listing.Status);
        });
        Assert.Equal((s.Market.EnterpriseUser.OrganizationId, Marketplace.Domain.Listings.ListingStatus.Closed), (owner, status));
    }

    [Fact]
    public async Task Two_confirmations_of_one_transfer_at_once_count_it_once()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.ScheduleAsync(("Upfront", 300_000m));
        var id = (await s.SignAsync()).GetProperty("instalments")[0].GetProperty("id").GetGuid();
        await Json(await s.Buyer.PostAsJsonAsync($"/api/payments/{id}/report-transfer", new { reference = "ICBC-1" }));
        var second = await App.ClientForAsync(s.Market.OfficeUser);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? s.Seller : second).PostAsync($"/api/payments/{id}/confirm-transfer", null)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(300_000m, (await s.TargetsAsync()).GetProperty("received").GetDecimal());
    }

    [Fact]
    public async Task The_totals_always_equal_the_sum_recomputed_from_the_deals()
    {
        var deals = new List<DealScenario>();
        for (var i = 0; i < 3; i++) deals.Add(await new DealScenario(App).AgreeAsync(n: i + 1));
        await deals[0].SignAsync();
        await deals[1].ScheduleAsync(("Upfront", 300_000m));
        var instalment = (await deals[1].SignAsync()).GetProperty("instalments")[0].GetProperty("id").GetGuid();
        await Json(await deals[1].Buyer.PostAsJsonAsync($"/api/payments/{instalment}/report-transfer", new { reference = "ABC-1" }));
        await Json(await deals[1].Seller.PostAsync($"/api/payments/{instalment}/confirm-transfer", null));
        await deals[2].SignAsync();
        await Json(await deals[2].Seller.PostAsJsonAsync($"/api/deals/{deals[2].DealId}/cancel", new { reason = "撤销" }));

        var (kept, recomputed) = await DbAsync(async db =>
        {
            var totals = await db.DealTotals.ToListAsync();
            var all = await db.Deals.Include(d => d.Instalments).ToListAsync();
            var counted = all.Where(d => d.CountedYear is not null).ToList();
            return ((totals.Sum(t => t.Contracted), totals.Sum(t => t.Received), totals.Sum(t => t.Deals)),
                (counted.Sum(d => d.ContractAmount), counted.Sum(d => d.Received), counted.Count));
        });
        Assert.Equal(recomputed, kept);
        Assert.Equal((600_000m, 300_000m, 2), kept);
    }
}
