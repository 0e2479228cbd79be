using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Deals;

public sealed class StripeWebhookTests(WebApp app) : AppTest(app)
{
    private async Task<(DealScenario Deal, Guid Instalment, string Intent)> PayingAsync()
    {
        var s = await new DealScenario(App).AgreeAsync();
        await s.ScheduleAsync(("Upfront", 300_000m));
        var instalment = (await s.SignAsync()).GetProperty("instalments")[0].GetProperty("id").GetGuid();
        var intent = await Json(await s.Buyer.PostAsync($"/api/payments/{instalment}/intent", null));
        Assert.Equal(FakeStripe.PublishableKey, intent.GetProperty("publishableKey").GetString());
        Assert.EndsWith("_secret_x", intent.GetProperty("clientSecret").GetString());
        return (s, instalment, intent.GetProperty("paymentIntentId").GetString()!);
    }

    private Task<HttpResponseMessage> DeliverAsync((string Json, string Signature) stripeEvent, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook") { Content = new StringContent(stripeEvent.Json, Encoding.UTF8, "application/json") };
        if (signature != "") request.Headers.Add("Stripe-Signature", signature ?? stripeEvent.Signature);
        return App.CreateClient().SendAsync(request);
    }

    private static async Task<decimal> ReceivedAsync(DealScenario s) => (await s.DealAsync()).GetProperty("received").GetDecimal();

    [Fact]
    public async Task A_verified_success_event_pays_the_instalment_from_the_intents_current_state()
    {
        var (s, instalment, intent) = await PayingAsync();
        Assert.Contains($"instalment-{instalment}-1", App.Stripe.IdempotencyKeys);
        App.Stripe.SetState(intent, "succeeded", 30_000_000);
        var answer = await DeliverAsync(FakeStripe.Event("evt_ok_" + intent, "payment_intent.succeeded", intent));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(300_000m, await ReceivedAsync(s));
        Assert.Equal(300_000m, (await s.TargetsAsync()).GetProperty("received").GetDecimal());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("forged")]
    [InlineData("old")]
    public async Task Unsigned_forged_or_stale_webhooks_are_refused_and_change_nothing(string kind)
    {
        var (s, _, intent) = await PayingAsync();
        App.Stripe.SetState(intent, "succeeded", 30_000_000);
        var stripeEvent = FakeStripe.Event("evt_bad_" + kind + intent, "payment_intent.succeeded", intent,
            signedAt: kind == "old" ? DateTimeOffset.UtcNow.AddMinutes(-10) : null);
        var signature = kind switch { "missing" => "", "forged" => stripeEvent.Signature.Replace("v1=", "v1=00"), _ => null };
        var answer = await DeliverAsync(stripeEvent, signature);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        await FieldErrorAsync(answer, "signature");
        Assert.Equal(0m, await ReceivedAsync(s));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().StripeEvents.CountAsync());
    }

    [Fact]
    public async Task The_same_event_delivered_ten_times_at_once_has_one_effect()
    {
        var (s, instalment, intent) = await PayingAsync();
        App.Stripe.SetState(intent, "succeeded", 30_000_000);
        var stripeEvent = FakeStripe.Event("evt_dup_" + intent, "payment_intent.succeeded", intent);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => DeliverAsync(stripeEvent)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(300_000m, await ReceivedAsync(s));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == instalment.ToString() && a.Action == "payment_intent.succeeded"));
        Assert.Equal(300_000m, (await s.TargetsAsync()).GetProperty("received").GetDecimal());
    }

    [Fact]
    public async Task A_refund_arriving_before_the_success_and_a_failure_after_it_converge_on_stripes_state()
    {
        var (s, _, intent) = await PayingAsync();
        App.Stripe.SetState(intent, "succeeded", 30_000_000, amountRefunded: 5_000_000);
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(FakeStripe.Event("evt_ref_" + intent, "charge.refunded", intent, objectKind: "charge"))).StatusCode);
        Assert.Equal(250_000m, await ReceivedAsync(s));
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(FakeStripe.Event("evt_suc_" + intent, "payment_intent.succeeded", intent))).StatusCode);
        Assert.Equal(250_000m, await ReceivedAsync(s));
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(FakeStripe.Event("evt_fail_" + intent, "payment_intent.payment_failed", intent))).StatusCode);
        Assert.Equal(250_000m, await ReceivedAsync(s));
        Assert.Equal(250_000m, (await s.TargetsAsync()).GetProperty("received").GetDecimal());
    }

    [Fact]
    public async Task An_event_about_an_unknown_intent_is_acknowledged()
    {
        var answer = await DeliverAsync(FakeStripe.Event("evt_unknown", "payment_intent.succeeded", "pi_not_ours"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("unknown", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
    }
}
