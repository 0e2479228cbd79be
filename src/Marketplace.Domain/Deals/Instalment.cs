using Marketplace.Domain.Common;

namespace Marketplace.Domain.Deals;

public enum InstalmentKind { Upfront, Milestone, Royalty }

public enum PaymentMethod { Stripe, BankTransfer }

public enum InstalmentStatus
{
    Due,
    /// <summary>A bank transfer was reported by the payer and waits for the payee's or park office's confirmation.</summary>
    TransferReported,
    Paid,
    /// <summary>Some or all of the payment was refunded.</summary>
    Refunded,
}

/// <summary>
/// One payment of a deal's schedule. Money received is stored as amounts (paid, refunded), never as a flag, so
/// applying the same provider state twice changes nothing and refunds reduce what counts.
/// </summary>
public sealed class Instalment
{
    public Guid Id { get; private set; }
    public Guid DealId { get; private set; }
    public int Number { get; private set; }
    public InstalmentKind Kind { get; private set; }
    public string Label { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public decimal Amount { get; private set; }
    public decimal Paid { get; private set; }
    public decimal Refunded { get; private set; }
    public PaymentMethod? Method { get; private set; }
    public string? StripePaymentIntentId { get; private set; }
    public int IntentAttempt { get; private set; }
    public string? TransferReference { get; private set; }
    public string? TransferEvidence { get; private set; }
    public DateTimeOffset? TransferReportedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public uint Version { get; private set; }

    public decimal Net => Paid - Refunded;

    public InstalmentStatus Status => Refunded > 0 ? InstalmentStatus.Refunded
        : Paid >= Amount ? InstalmentStatus.Paid
        : TransferReportedAt is not null ? InstalmentStatus.TransferReported
        : InstalmentStatus.Due;

    private Instalment() { }

    internal Instalment(Guid dealId, int number, InstalmentKind kind, string label, DateOnly due, decimal amount, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        DealId = dealId;
        Number = number;
        Kind = kind;
        Label = label;
        DueDate = due;
        Amount = amount;
    }

    /// <summary>A new PaymentIntent attempt; the attempt number goes into the idempotency key, so a retried
    /// request returns the same intent while a deliberate new attempt gets a new one.</summary>
    internal int BeginStripePayment()
    {
        if (Status is not InstalmentStatus.Due)
            throw new DomainRuleException("status", new Text("Instalment {0} is {1}; only a due instalment can be paid.", Number, Status), isConflict: true);
        Method = PaymentMethod.Stripe;
        return ++IntentAttempt;
    }

    internal void AttachIntent(string paymentIntentId) => StripePaymentIntentId = paymentIntentId;

    /// <summary>
    /// Sets what Stripe says now (fetched, not taken from the event), so events arriving late, twice or out of
    /// order converge on the same state. Returns the change in net money received.
    /// </summary>
    internal decimal ApplyProviderState(decimal received, decimal refunded, DateTimeOffset now)
    {
        var before = Net;
        Paid = Money.Cny(received, "amountReceived");
        Refunded = Math.Min(Money.Cny(refunded, "amountRefunded"), Paid);
        if (Paid > 0) ConfirmedAt ??= now;
        return Net - before;
    }

    internal void ReportTransfer(string reference, string? evidence, DateTimeOffset now)
    {
        if (Status is not InstalmentStatus.Due)
            throw new DomainRuleException("status", new Text("Instalment {0} is {1}; a transfer is reported for a due instalment.", Number, Status), isConflict: true);
        TransferReference = Patents.TextRules.Required(reference, "reference", "Bank reference", 100);
        TransferEvidence = Patents.TextRules.Optional(evidence, "evidence", "Evidence", 500, multiline: true);
        TransferReportedAt = now;
        Method = PaymentMethod.BankTransfer;
    }

    /// <summary>The payee (or the park office) saw the money arrive. Returns the change in net money received.</summary>
    internal decimal ConfirmTransfer(DateTimeOffset now)
    {
        if (Status is not InstalmentStatus.TransferReported)
            throw new DomainRuleException("status", new Text("Instalment {0} is {1}; only a reported transfer can be confirmed.", Number, Status), isConflict: true);
        Paid = Amount;
        ConfirmedAt = now;
        return Amount;
    }
}
