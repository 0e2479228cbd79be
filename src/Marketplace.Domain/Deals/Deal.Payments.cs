using Marketplace.Domain.Common;

namespace Marketplace.Domain.Deals;

/// <summary>
/// Money on the deal's schedule. Every way money arrives or leaves (a confirmed bank transfer, Stripe's state of a
/// PaymentIntent) goes through one method, so each has the same consequences: the received total, completion of a
/// recorded deal once fully paid, and the events the audit log, the park's totals and the parties' notices follow.
/// </summary>
public sealed partial class Deal
{
    public Instalment Instalment(Guid instalmentId) =>
        _instalments.FirstOrDefault(i => i.Id == instalmentId) ?? throw new DomainRuleException("instalmentId", "No such instalment in this deal.");

    /// <summary>A new online payment attempt of a due instalment; returns the attempt number for the idempotency key.</summary>
    public int BeginStripePayment(Guid instalmentId) => PayableInstalment(instalmentId).BeginStripePayment();

    public void AttachIntent(Guid instalmentId, string paymentIntentId)
    {
        var instalment = Instalment(instalmentId);
        instalment.AttachIntent(paymentIntentId);
        Raise(new InstalmentChanged(Id, instalment.Id, "IntentCreated", instalment.Status, instalment.Status, 0m, paymentIntentId));
    }

    /// <summary>The payer says it sent a bank transfer; the payee (or the park office) confirms it arrived.</summary>
    public void ReportTransfer(Guid instalmentId, string reference, string? evidence, DateTimeOffset now)
    {
        var instalment = PayableInstalment(instalmentId);
        var before = instalment.Status;
        instalment.ReportTransfer(reference, evidence, now);
        UpdatedAt = now;
        Raise(new InstalmentChanged(Id, instalment.Id, "TransferReported", before, instalment.Status, 0m, instalment.TransferReference));
    }

    public void ConfirmTransfer(Guid instalmentId, DateTimeOffset now) =>
        ApplyPayment(instalmentId, "TransferConfirmed", i => i.ConfirmTransfer(now), now);

    /// <summary>What Stripe says of the instalment's PaymentIntent now; <paramref name="source"/> names the event that prompted it.</summary>
    public void ApplyProviderState(Guid instalmentId, decimal received, decimal refunded, string source, DateTimeOffset now) =>
        ApplyPayment(instalmentId, source, i => i.ApplyProviderState(received, refunded, now), now);

    private void ApplyPayment(Guid instalmentId, string action, Func<Instalment, decimal> change, DateTimeOffset now)
    {
        var instalment = Instalment(instalmentId);
        var (before, counted, receivedBefore) = (instalment.Status, Contribution, Received);
        var delta = change(instalment);
        Received = _instalments.Sum(i => i.Net);
        UpdatedAt = now;
        Raise(new InstalmentChanged(Id, instalment.Id, action, before, instalment.Status, delta, $"{delta:+0.00;-0.00;0.00} CNY"));
        RaiseIfCountChanged(counted);
        if (receivedBefore < ContractAmount && Received >= ContractAmount) Raise(new DealPaidInFull(Id));
        // A recorded deal is done once fully paid (a deal paid before it is recorded completes by /complete).
        if (Status == DealStatus.Recorded && Received >= ContractAmount) Move(CompleteStep, "Completed", "fully paid");
    }
}
