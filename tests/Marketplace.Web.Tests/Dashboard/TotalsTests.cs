using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Targets;
using Marketplace.Web.Tests.Deals;
using Marketplace.Web.Tests.Pledges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Dashboard;

public sealed class TotalsTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task Kept_totals_equal_the_records_after_a_random_sequence_of_signings_cancellations_payments_refunds_and_disbursements()
    {
        var random = new Random(9);
        var deals = new List<(DealScenario Deal, Guid Instalment, string State)>();
        for (var n = 1; n <= 3; n++)
        {
            var s = await new DealScenario(App).AgreeAsync(Licence(100_000m * n), n);
            var instalment = (await s.ScheduleAsync(("Upfront", 100_000m * n))).GetProperty("instalments")[0].GetProperty("id").GetGuid();
            deals.Add((s, instalment, "draft"));
        }
        var pledges = await PledgeParties.CreateAsync(App);
        var loan = await pledges.RecommendedAsync(50, amount: 500_000m);
        await PledgeParties.StepAsync(pledges.ApproverClient, loan, "approve");
        await PledgeParties.StepAsync(pledges.OfficerClient, loan, "register", new { registrationNumber = PledgeSamples.Registration(1234), registeredOn = PledgeSamples.Today });

        for (var step = 0; step < 12; step++)
        {
            var i = random.Next(deals.Count);
            var (s, instalment, state) = deals[i];
            switch (state, random.Next(3))
            {
                case ("draft", _): await s.SignAsync(); state = "signed"; break;
                case ("signed", 0): await Json(await s.Seller.PostAsJsonAsync($"/api/deals/{s.DealId}/cancel", new { reason = "合同解除。" })); state = "cancelled"; break;
                case ("signed", 1):
                    var intent = (await Json(await s.Buyer.PostAsync($"/api/payments/{instalment}/intent", null))).GetProperty("paymentIntentId").GetString()!;
                    App.Stripe.SetState(intent, "succeeded", 10_000_000 * (i + 1), amountRefunded: 2_500_000);
                    var refund = FakeStripe.Event($"evt_{step}_{intent}", "charge.refunded", intent, objectKind: "charge");
                    var delivered = await App.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook")
                        { Content = new StringContent(refund.Json, System.Text.Encoding.UTF8, "application/json"), Headers = { { "Stripe-Signature", refund.Signature } } });
                    Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
                    await App.Services.GetRequiredService<Marketplace.Web.Features.Payments.StripeInbox>().RunOnceAsync(CancellationToken.None);
                    state = "paid";
                    break;
                default: await PledgeParties.StepAsync(pledges.OfficerClient, loan, "disburse", new { amount = 10_000m + step }); break;
            }
            deals[i] = (s, instalment, state);
            await AssertKeptEqualsRecordsAsync(deals[0].Deal.Market.Admin);
        }
        await AssertRebuildChangesNothingAsync();
    }

    [Fact]
    public async Task A_deal_signed_on_the_last_day_of_2024_counts_in_2024_and_its_december()
    {
        var s = await new DealScenario(App).AgreeAsync();
        foreach (var party in new[] { s.Seller, s.Buyer })
            await Json(await party.PostAsJsonAsync($"/api/deals/{s.DealId}/sign", new { contractDate = "2024-12-31", registrationNumber = DealScenario.Contract }));
        var in2024 = (await s.Market.Admin.GetFromJsonAsync<JsonElement>("/api/targets?year=2024")).GetProperty("deals");
        var in2025 = (await s.Market.Admin.GetFromJsonAsync<JsonElement>("/api/targets?year=2025")).GetProperty("deals");
        Assert.Equal((300_000m, 0m), (in2024.GetProperty("contracted").GetDecimal(), in2025.GetProperty("contracted").GetDecimal()));
        Assert.Equal("2024-12", in2024.GetProperty("byMonth")[0].GetProperty("key").GetString());
        // The 2022–2025 plan's 3,000,000 yuan, 12 of its 48 months.
        Assert.Equal(750_000m, in2024.GetProperty("target").GetDecimal());
    }

    [Theory]
    [InlineData("/api/targets?year=1999", "year")]
    [InlineData("/api/targets?year=2101", "year")]
    public async Task A_year_out_of_range_is_a_400_naming_the_field(string url, string field) =>
        await FieldErrorAsync(await App.CreateClient().GetAsync(url), field);

    [Fact]
    public async Task Anyone_sees_the_summary_but_only_the_park_office_sees_banks()
    {
        var anonymous = await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/targets");
        Assert.Equal(3_000_000m, anonymous.GetProperty("deals").GetProperty("target").GetDecimal());
        Assert.Equal(4, anonymous.GetProperty("progress").GetArrayLength());
        Assert.Empty(anonymous.GetProperty("pledgeFinancing").GetProperty("byBank").EnumerateArray());
    }

    /// <summary>Every year's figures on the dashboard, and every breakdown of them, are the records summed afresh.</summary>
    internal async Task AssertKeptEqualsRecordsAsync(HttpClient admin)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var recount = scope.ServiceProvider.GetRequiredService<TargetsRecount>();
        var summed = await recount.SumDealsAsync(CancellationToken.None);
        var disbursed = await recount.SumDisbursedAsync(CancellationToken.None);
        foreach (var year in summed.Select(y => y.Year).Concat(disbursed.Select(y => y.Year)).Append(DateTime.UtcNow.AddHours(8).Year).Distinct())
        {
            var figures = await admin.GetFromJsonAsync<JsonElement>($"/api/targets?year={year}");
            var deals = figures.GetProperty("deals");
            var (contracted, received, count) = summed.Where(y => y.Year == year).Select(y => (y.Contracted, y.Received, y.Deals)).SingleOrDefault();
            Assert.Equal((contracted, received, count), (deals.GetProperty("contracted").GetDecimal(), deals.GetProperty("received").GetDecimal(), deals.GetProperty("deals").GetInt32()));
            foreach (var breakdown in new[] { "byCategory", "byOwner", "byIndustry", "byMonth", "bySource" })
            {
                Assert.Equal(contracted, deals.GetProperty(breakdown).EnumerateArray().Sum(b => b.GetProperty("amount").GetDecimal()));
                Assert.Equal(received, deals.GetProperty(breakdown).EnumerateArray().Sum(b => b.GetProperty("second").GetDecimal()));
            }
            var evidence = figures.GetProperty("evidence").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!);
            decimal Split(string key) => new[] { "declared", "documented", "verified" }.Sum(k => evidence[key].GetProperty(k).GetDecimal());
            Assert.Equal((contracted, received), (Split("contracted"), Split("received")));
            var pledge = figures.GetProperty("pledgeFinancing");
            var loans = disbursed.Where(y => y.Year == year).Sum(y => y.Disbursed);
            Assert.Equal(loans, pledge.GetProperty("disbursed").GetDecimal());
            Assert.Equal(loans, Split("disbursed"));
            foreach (var breakdown in new[] { "byBank", "byMonth", "bySource" })
                Assert.Equal(loans, pledge.GetProperty(breakdown).EnumerateArray().Sum(b => b.GetProperty("amount").GetDecimal()));
        }
    }

    /// <summary>The kept rows, at their finest grain, are what a rebuild from the records writes.</summary>
    internal async Task AssertRebuildChangesNothingAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        async Task<string> SnapshotAsync()
        {
            var d = await db.DealTotals.AsNoTracking().Where(t => t.Deals != 0 || t.Contracted != 0 || t.Received != 0)
                .OrderBy(t => t.Year).ThenBy(t => t.Month).ThenBy(t => t.Category).ThenBy(t => t.Owner).ThenBy(t => t.Industry).ThenBy(t => t.Source).ThenBy(t => t.Evidence).ToListAsync();
            var p = await db.PledgeTotals.AsNoTracking().Where(t => t.Disbursed != 0 || t.ApprovedNotDisbursed != 0)
                .OrderBy(t => t.Year).ThenBy(t => t.Month).ThenBy(t => t.BankOrganizationId).ThenBy(t => t.Source).ThenBy(t => t.Evidence).ToListAsync();
            return JsonSerializer.Serialize(new { d, p });
        }
        var kept = await SnapshotAsync();
        await scope.ServiceProvider.GetRequiredService<TargetsRecount>().RebuildAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        Assert.Equal(kept, await SnapshotAsync());
    }
}
