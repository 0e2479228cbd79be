using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Web.Tests.Matchmaking.Market;

namespace Marketplace.Web.Tests.Deals;

public sealed class StripeWebhookTests(WebApp app) : AppTest(app)
{
    private async Task<(DealScenario Deal, Guid Instalment, string Intent)> PayingAsync(int n = 1)
    {
        var s = await new DealScenario(App).AgreeAsync(n: n);
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

    /// <summary>Waits for the inbox pass this instance may already be running, then applies what is left.</summary>
    private Task<int> ApplyStoredAsync() => App.Services.GetRequiredService<StripeInbox>().RunOnceAsync(CancellationToken.None);

    private async Task<StripeEventRecord> StoredAsync(string eventId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().StripeEvents.AsNoTracking().SingleAsync(e => e.Id == eventId);
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
        Assert.Equal("queued", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        await ApplyStoredAsync();
        Assert.Equal(300_000m, await ReceivedAsync(s));
        var stored = await StoredAsync("evt_ok_" + intent);
        Assert.NotNull(stored.AppliedAt);
        Assert.Equal("applied: succeeded, received 300000.00, refunded 0.00", stored.Outcome);
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
        Assert.Equal(0, await ApplyStoredAsync());
        Assert.Equal(0m, await ReceivedAsync(s));
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().StripeEvents.CountAsync());
    }

    [Fact]
    public async Task A_refused_delivery_is_explained_in_chinese_title_and_field_alike()
    {
        var stripeEvent = FakeStripe.Event("evt_zh_forged", "payment_intent.succeeded", "pi_zh");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stripe/webhook") { Content = new StringContent(stripeEvent.Json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", stripeEvent.Signature.Replace("v1=", "v1=00"));
        var answer = await Notifications.Notices.InChinese(App.CreateClient()).SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("填写的内容有误。", problem.GetProperty("title").GetString());
        Assert.Equal("签名校验未通过或已过期。", problem.GetProperty("errors").GetProperty("signature")[0].GetString());
    }

    [Fact]
    public async Task The_same_event_delivered_ten_times_at_once_has_one_effect()
    {
        var (s, instalment, intent) = await PayingAsync();
        App.Stripe.SetState(intent, "succeeded", 30_000_000);
        var stripeEvent = FakeStripe.Event("evt_dup_" + intent, "payment_intent.succeeded", intent);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => DeliverAsync(stripeEvent)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var outcomes = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()));
        Assert.Equal(["duplicate", "queued"], outcomes.Distinct().Order());
        Assert.Single(outcomes, "queued");
        await ApplyStoredAsync();
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
        await ApplyStoredAsync();
        Assert.Equal(250_000m, await ReceivedAsync(s));
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(FakeStripe.Event("evt_suc_" + intent, "payment_intent.succeeded", intent))).StatusCode);
        await ApplyStoredAsync();
        Assert.Equal(250_000m, await ReceivedAsync(s));
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(FakeStripe.Event("evt_fail_" + intent, "payment_intent.payment_failed", intent))).StatusCode);
        await ApplyStoredAsync();
        Assert.Equal(250_000m, await ReceivedAsync(s));
        Assert.Equal(250_000m, (await s.TargetsAsync()).GetProperty("received").GetDecimal());
    }

    [Fact]
    public async Task An_event_about_an_unknown_intent_is_acknowledged()
    {
        var answer = await DeliverAsync(FakeStripe.Event("evt_unknown", "payment_intent.succeeded", "pi_not_ours"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await ApplyStoredAsync();
        var stored = await StoredAsync("evt_unknown");
        Assert.Equal("unknown payment intent", stored.Outcome);
        Assert.NotNull(stored.AppliedAt);
    }

    [Fact]
    public async Task An_event_the_marketplace_does_not_act_on_is_stored_as_ignored()
    {
        var answer = await DeliverAsync(FakeStripe.Event("evt_customer", "customer.created", "cus_1", objectKind: "customer"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("ignored", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var stored = await StoredAsync("evt_customer");
        Assert.Equal(("ignored", true), (stored.Outcome, stored.AppliedAt is not null));
    }

    [Fact]
    public async Task While_stripe_is_down_events_are_acknowledged_kept_and_applied_once_it_is_back()
    {
        var (s, instalment, intent) = await PayingAsync();
        App.Stripe.SetState(intent, "succeeded", 30_000_000);
        App.Stripe.Down = true;
        try
        {
            var answer = await DeliverAsync(FakeStripe.Event("evt_outage_" + intent, "payment_intent.succeeded", intent));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            await ApplyStoredAsync();
            var failed = await StoredAsync("evt_outage_" + intent);
            Assert.Null(failed.AppliedAt);
            Assert.True(failed.Attempts >= 1, "the failed attempt is counted");
            Assert.Contains("outage", failed.LastError);
            Assert.True(failed.NotBefore > DateTimeOffset.UtcNow, "the retry waits");
            Assert.Equal(0m, await ReceivedAsync(s));
        }
        finally
        {
            App.Stripe.Down = false;
        }
        // The retry comes when its pause is over; the test moves it forward rather than sleeping through it.
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().StripeEvents
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.NotBefore, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await ApplyStoredAsync();
        Assert.Equal(300_000m, await ReceivedAsync(s));
        await using var check = App.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<MarketplaceDb>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityId == instalment.ToString() && a.Action == "payment_intent.succeeded"));
        Assert.NotNull((await StoredAsync("evt_outage_" + intent)).AppliedAt);
    }

    [Fact]
    public async Task Two_instances_draining_one_inbox_apply_each_event_once()
    {
        var payments = new List<(DealScenario Deal, Guid Instalment, string Intent)>();
        for (var n = 1; n <= 4; n++) payments.Add(await PayingAsync(n));
        foreach (var (_, _, intent) in payments) App.Stripe.SetState(intent, "succeeded", 30_000_000);
        await using var other = App.Variant(_ => { });
        // Stored straight into the inbox, so neither instance is woken before both drain at once.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            foreach (var (_, _, intent) in payments)
                foreach (var kind in new[] { "payment_intent.succeeded", "charge.succeeded" })
                    db.StripeEvents.Add(new StripeEventRecord { Id = $"evt_{kind}_{intent}", Type = kind, PaymentIntentId = intent, ReceivedAt = DateTimeOffset.UtcNow, NotBefore = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var applied = await Task.WhenAll(
            App.Services.GetRequiredService<StripeInbox>().RunOnceAsync(CancellationToken.None),
            other.Services.GetRequiredService<StripeInbox>().RunOnceAsync(CancellationToken.None));
        await ApplyStoredAsync();
        await using var check = App.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<MarketplaceDb>().StripeEvents.AsNoTracking().ToListAsync();
        Assert.All(stored, e => Assert.NotNull(e.AppliedAt));
        // An application reads the intent's current state, so it settles the other event about the same intent
        // received before it; what matters is that no event is applied twice (each application is audited).
        var applications = stored.Count(e => e.Outcome.StartsWith("applied"));
        Assert.InRange(applications, 4, 8);
        Assert.Equal(8 - applications, stored.Count(e => e.Outcome.StartsWith("settled with evt_")));
        var audited = await check.ServiceProvider.GetRequiredService<MarketplaceDb>().AuditEntries
            .Where(a => a.Entity == PaymentService.AuditEntity && (a.Action == "payment_intent.succeeded" || a.Action == "charge.succeeded")).CountAsync();
        Assert.Equal(applications, audited);
        foreach (var (s, _, _) in payments) Assert.Equal(300_000m, await ReceivedAsync(s));
        Assert.Equal(1_200_000m, (await payments[0].Deal.TargetsAsync()).GetProperty("received").GetDecimal());
    }

    [Fact]
    public async Task Readiness_turns_degraded_while_an_event_waits_over_ten_minutes()
    {
        var client = App.CreateClient();
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var received = DateTimeOffset.UtcNow - StripeInboxHealth.Patience - TimeSpan.FromMinutes(1);
            // Postponed into the future, as a failing event is, so the inbox leaves it waiting during the check.
            db.StripeEvents.Add(new StripeEventRecord { Id = "evt_stuck", Type = "payment_intent.succeeded", PaymentIntentId = "pi_stuck",
                ReceivedAt = received, NotBefore = DateTimeOffset.UtcNow.AddHours(1), Attempts = 7, LastError = "StripeException: outage" });
            await db.SaveChangesAsync();
        }
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }
}
