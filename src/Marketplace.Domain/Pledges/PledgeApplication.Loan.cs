using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Pledges;

/// <summary>
/// The approved loan's life: CNIPA registration of the pledge, disbursement in tranches, repayment or default, and
/// release. From registration until release the patents are locked on the market.
/// </summary>
public sealed partial class PledgeApplication
{
    public string? RegistrationNumber { get; private set; }
    public DateOnly? RegisteredOn { get; private set; }
    public IReadOnlyList<Disbursement> Disbursements { get; private set; } = new List<Disbursement>();
    public decimal DisbursedAmount { get; private set; }

    /// <summary>When the bank agreed that the pledged patents may be transferred or exclusively licensed.</summary>
    public DateTimeOffset? PledgeeConsentAt { get; private set; }

    public bool LocksPatents => LockingStates.Contains(Status);

    public void Register(string registrationNumber, DateOnly registeredOn, DateTimeOffset now)
    {
        Ensure(RegisterStep);
        RegisteredOn = PastDate(registeredOn, ApprovedOn!.Value, "registeredOn", now);
        RegistrationNumber = Registries.RegistryNumbers.PledgeRegistration(registrationNumber, registeredOn);
        Move(RegisterStep, now);
    }

    /// <summary>One tranche; the tranches together may not exceed the approved amount.</summary>
    public void Disburse(decimal amount, DateOnly on, DateTimeOffset now)
    {
        Ensure(DisburseStep);
        PledgeAmounts.Positive(amount, "amount");
        if (DisbursedAmount + amount > ApprovedAmount)
            throw new DomainRuleException("amount",
                new Text("Disbursing {0:N2} would bring the total to {1:N2} yuan, above the approved {2:N2} yuan.", amount, DisbursedAmount + amount, ApprovedAmount));
        var tranche = new Disbursement(amount, PastDate(on, RegisteredOn!.Value, "disbursedOn", now));
        Disbursements = [.. Disbursements, tranche];
        DisbursedAmount += amount;
        Move(DisburseStep, now);
    }

    public void Repay(DateTimeOffset now) => Move(RepayStep, now);

    public void Default(DateTimeOffset now) => Move(DefaultStep, now);

    public void Release(DateTimeOffset now) => Move(ReleaseStep, now);

    /// <summary>The bank, as pledgee, agrees to a transfer or exclusive licence of the pledged patents (民法典 art. 444).</summary>
    public void RecordPledgeeConsent(DateTimeOffset now)
    {
        Ensure(ConsentStep);
        PledgeeConsentAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>A bank statement line (or loan voucher) of tranche <paramref name="tranche"/> (1 for the first) was attached.</summary>
    public void DocumentTranche(int tranche, DateTimeOffset now) => ChangeTranche(tranche, e => e.WithDocument(), now);

    /// <summary>The park office looked at the tranche's documents and confirms it.</summary>
    public void VerifyTranche(int tranche, Guid userId, string? by, DateTimeOffset now) => ChangeTranche(tranche, e => e.Verify(userId, by, now), now);

    public void WithdrawTrancheVerification(int tranche, DateTimeOffset now) => ChangeTranche(tranche, e => e.Withdraw(), now);

    /// <summary>The evidence state of a tranche, for the audit trail of a step.</summary>
    public EvidenceState TrancheEvidence(int tranche) => Tranche(tranche).Evidence.State;

    private Disbursement Tranche(int tranche) => tranche >= 1 && tranche <= Disbursements.Count
        ? Disbursements[tranche - 1]
        : throw new DomainRuleException("tranche", new Text("This loan has no tranche {0}; it has {1}.", tranche, Disbursements.Count));

    private void ChangeTranche(int tranche, Func<EvidenceStatus, EvidenceStatus> change, DateTimeOffset now)
    {
        var current = Tranche(tranche);
        var changed = current with { Evidence = change(current.Evidence) };
        Disbursements = Disbursements.Select((d, i) => i == tranche - 1 ? changed : d).ToList();
        UpdatedAt = now;
    }

    private static DateOnly PastDate(DateOnly date, DateOnly earliest, string field, DateTimeOffset now) =>
        date >= earliest && date <= BusinessCalendar.ChinaDate(now)
            ? date
            : throw new DomainRuleException(field, new Text("The date must be between {0:yyyy-MM-dd} and today.", earliest));
}
