using System.Net;
using System.Net.Http.Json;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Deals;

public sealed class PaymentLimitTests(WebApp app) : AppTest(app)
{
    [Fact]
    public async Task An_instalment_above_stripe_s_per_charge_maximum_is_offered_as_a_bank_transfer_only_and_the_page_says_why()
    {
        var s = await new DealScenario(App).AgreeAsync(Licence(2_000_000m));
        var schedule = await s.ScheduleAsync(("Upfront", 999_999.99m), ("Milestone", 1_000_000.01m));
        await s.SignAsync();
        var (small, large) = (schedule.GetProperty("instalments")[0].GetProperty("id").GetGuid(), schedule.GetProperty("instalments")[1].GetProperty("id").GetGuid());
        var refused = await s.Buyer.PostAsync($"/api/payments/{large}/intent", null);
        Assert.Contains("bank transfer", await FieldErrorAsync(refused, "method"));
        Assert.DoesNotContain(App.Stripe.IdempotencyKeys, k => k.Contains(large.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await s.Buyer.PostAsync($"/api/payments/{small}/intent", null)).StatusCode);
        await Json(await s.Buyer.PostAsJsonAsync($"/api/payments/{large}/report-transfer", new { reference = "ICBC-LARGE" }));

        var buyer = new FormClient(App);
        await buyer.LoginAsync(s.Market.EnterpriseUser.Email, s.Market.EnterpriseUser.Password);
        var page = await buyer.Http.GetStringAsync($"/Deals/Detail/{s.DealId}");
        Assert.DoesNotContain($"data-pay-online=\"{large}\"", page);
    }

    [Fact]
    public async Task An_error_from_stripe_s_api_is_a_502_or_503_problem_never_a_500()
    {
        var s = await new DealScenario(App).AgreeAsync();
        var instalment = (await s.ScheduleAsync(("Upfront", 300_000m))).GetProperty("instalments")[0].GetProperty("id").GetGuid();
        await s.SignAsync();
        App.Stripe.Down = true;
        try
        {
            var down = await s.Buyer.PostAsync($"/api/payments/{instalment}/intent", null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(down.Headers.RetryAfter);
        }
        finally
        {
            App.Stripe.Down = false;
        }
        App.Stripe.Refusal = "Amount must be no more than ¥999,999.99";
        try
        {
            var refused = await s.Buyer.PostAsync($"/api/payments/{instalment}/intent", null);
            Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            App.Stripe.Refusal = null;
        }
        Assert.Equal(HttpStatusCode.OK, (await s.Buyer.PostAsync($"/api/payments/{instalment}/intent", null)).StatusCode);
    }
}
