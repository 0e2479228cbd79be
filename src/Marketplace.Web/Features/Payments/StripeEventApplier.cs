using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// Applies one stored Stripe event. The event only says which PaymentIntent to look at: its current state is
/// fetched from Stripe, so deliveries that repeat, arrive late or out of order (a refund before the success, a
/// failure after it) all converge on what Stripe holds now.
/// </summary>
public sealed class StripeEventApplier(MarketplaceDb db, StripeGateway stripe, TimeProvider clock, ILogger<StripeEventApplier> log)
{
    /// <summary>Runs inside the caller's transaction, which holds the event's row.</summary>
    public async Task<string> ApplyAsync(string eventId, string type, string intentId, CancellationToken ct)
    {
        // Locking the deal's row too serialises every event about the same deal: two instalments paid at once both
        // change the deal's received total, and without the lock the second would fail on the deal's version (409).
        var locked = await db.Database.SqlQuery<Guid>($"SELECT i.id AS \"Value\" FROM instalments i JOIN deals d ON d.id = i.deal_id WHERE i.stripe_payment_intent_id = {intentId} FOR UPDATE OF i, d").ToListAsync(ct);
        if (locked.Count == 0)
        {
            log.LogWarning("Stripe event {Event} ({Type}) is about PaymentIntent {Intent}, which the marketplace does not know", eventId, type, intentId);
            return "unknown payment intent";
        }
        var deal = await db.Deals.Include(d => d.Instalments).SingleAsync(d => d.Instalments.Any(i => i.Id == locked[0]), ct);
        var instalment = deal.Instalments.Single(i => i.Id == locked[0]);
        var current = await stripe.GetIntentAsync(intentId, ct);
        var received = current.Status == "succeeded" ? StripeGateway.Yuan(current.AmountReceived) : 0m;
        var refunded = StripeGateway.Yuan(current.LatestCharge?.AmountRefunded ?? 0);
        // The same path as a confirmed bank transfer: the deal raises the events its audit, totals and notices follow.
        deal.ApplyProviderState(instalment.Id, received, refunded, type, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return $"applied: {current.Status}, received {received:0.00}, refunded {refunded:0.00}";
    }
}
