using Stripe;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// A Stripe event, stored once: the primary key turns a second delivery into a no-op, and the row is the inbox
/// entry <see cref="StripeInbox"/> applies (<see cref="AppliedAt"/> null until then).
/// </summary>
public sealed class StripeEventRecord
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary>The PaymentIntent the event is about; null for events the marketplace does not act on.</summary>
    public string? PaymentIntentId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public string Outcome { get; set; } = "";
    /// <summary>Failed attempts to apply it (Stripe unreachable, a database error); each pushes <see cref="NotBefore"/> back.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset NotBefore { get; set; }
    public string? LastError { get; set; }
}

/// <summary>
/// Receives a verified Stripe event: stored (<see cref="StripeEventWriter"/>), then acknowledged. Stripe retries a delivery that is not
/// acknowledged quickly, so the work of applying it (fetching the PaymentIntent from Stripe, moving the instalment,
/// the deal and the park's totals) happens after the answer, in <see cref="StripeInbox"/>.
/// </summary>
public sealed class StripeWebhook(StripeEventWriter writer, StripeInbox inbox, TimeProvider clock)
{
    public async Task<string> ReceiveAsync(Event stripeEvent, CancellationToken ct)
    {
        var intentId = IntentOf(stripeEvent);
        var now = clock.GetUtcNow();
        var record = new StripeEventRecord
        {
            Id = stripeEvent.Id, Type = stripeEvent.Type, PaymentIntentId = intentId, ReceivedAt = now, NotBefore = now,
            AppliedAt = intentId is null ? now : null, Outcome = intentId is null ? "ignored" : "",
        };
        if (!await writer.StoreAsync(record, ct)) return "duplicate";
        if (intentId is null) return record.Outcome;
        inbox.Wake();
        return "queued";
    }

    /// <summary>The event only says which PaymentIntent to look at; its state is fetched when the event is applied.</summary>
    private static string? IntentOf(Event stripeEvent) => stripeEvent.Data.Object switch
    {
        PaymentIntent intent => intent.Id,
        Charge charge => charge.PaymentIntentId,
        Refund refund => refund.PaymentIntentId,
        _ => null,
    };
}
