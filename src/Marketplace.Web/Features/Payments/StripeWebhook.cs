using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Web.Features.Payments;

/// <summary>An event id seen once; the primary key turns a second delivery into a no-op.</summary>
public sealed class StripeEventRecord
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public string Outcome { get; set; } = "";
}

/// <summary>
/// Applies a verified Stripe event. The event only says which PaymentIntent to look at: its current state is
/// fetched from Stripe, so deliveries that repeat, arrive late or out of order (a refund before the success, a
/// failure after it) all converge on what Stripe holds now.
/// </summary>
public sealed class StripeWebhook(MarketplaceDb db, StripeGateway stripe, PaymentService payments, TimeProvider clock, ILogger<StripeWebhook> log)
{
    public async Task<string> HandleAsync(Event stripeEvent, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A concurrent duplicate waits here on the key's lock until the first commits, then inserts nothing.
        var fresh = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO stripe_events (id, type, received_at, outcome) VALUES ({stripeEvent.Id}, {stripeEvent.Type}, {clock.GetUtcNow()}, '') ON CONFLICT (id) DO NOTHING", ct);
        if (fresh == 0) return "duplicate";

        var outcome = await ApplyAsync(stripeEvent, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE stripe_events SET outcome = {outcome} WHERE id = {stripeEvent.Id}", ct);
        await transaction.CommitAsync(ct);
        return outcome;
    }

    private async Task<string> ApplyAsync(Event stripeEvent, CancellationToken ct)
    {
        var intentId = stripeEvent.Data.Object switch
        {
            PaymentIntent intent => intent.Id,
            Charge charge => charge.PaymentIntentId,
            Refund refund => refund.PaymentIntentId,
            _ => null,
        };
        if (intentId is null) return "ignored";
        // Locking the deal's row too serialises every event about the same deal: two instalments paid at once both
        // change the deal's received total, and without the lock the second would fail on the deal's version (409).
        var locked = await db.Database.SqlQuery<Guid>($"SELECT i.id AS \"Value\" FROM instalments i JOIN deals d ON d.id = i.deal_id WHERE i.stripe_payment_intent_id = {intentId} FOR UPDATE OF i, d").ToListAsync(ct);
        if (locked.Count == 0)
        {
            log.LogWarning("Stripe event {Event} ({Type}) is about PaymentIntent {Intent}, which the marketplace does not know", stripeEvent.Id, stripeEvent.Type, intentId);
            return "unknown payment intent";
        }
        var deal = await db.Deals.Include(d => d.Instalments).SingleAsync(d => d.Instalments.Any(i => i.Id == locked[0]), ct);
        var instalment = deal.Instalments.Single(i => i.Id == locked[0]);
        var current = await stripe.GetIntentAsync(intentId, ct);
        var received = current.Status == "succeeded" ? StripeGateway.Yuan(current.AmountReceived) : 0m;
        var refunded = StripeGateway.Yuan(current.LatestCharge?.AmountRefunded ?? 0);
        var before = instalment.Status.ToString();
        await payments.ApplyAsync(deal, instalment, () => instalment.ApplyProviderState(received, refunded, clock.GetUtcNow()), stripeEvent.Type, before, ct);
        return $"applied: {current.Status}, received {received:0.00}, refunded {refunded:0.00}";
    }
}
