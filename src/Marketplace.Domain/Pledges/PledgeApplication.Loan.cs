using Marketplace.Domain.Common;
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

    /// <summary>Registered and not yet released: the patents cannot be pledged again or disposed of.</summary>
    public static readonly PledgeStatus[] LockingStates = [PledgeStatus.PledgeRegistered, PledgeStatus.Disbursed, PledgeStatus.Repaid, PledgeStatus.Defaulted];

    public bool LocksPatents => LockingStates.Contains(Status);

    public void Register(string registrationNumber, DateOnly registeredOn, DateTimeOffset now)
    {
        Ensure(PledgeStatus.PledgeRegistered, "registered as a pledge", from: PledgeStatus.Approved);
        RegistrationNumber = TextRules.Required(registrationNumber, "registrationNumber", "CNIPA registration number", 40);
        RegisteredOn = PastDate(registeredOn, ApprovedOn!.Value, "registeredOn", now);
        Move(PledgeStatus.PledgeRegistered, now);
    }

    /// <summary>One tranche; the tranches together may not exceed the approved amount.</summary>
    public void Disburse(decimal amount, DateOnly on, DateTimeOffset now)
    {
        if (Status is not (PledgeStatus.PledgeRegistered or PledgeStatus.Disbursed)) throw Illegal("paid out");
        PledgeAmounts.Positive(amount, "amount");
        if (DisbursedAmount + amount > ApprovedAmount)
            throw new DomainRuleException("amount",
                new Text("Disbursing {0:0.00} would bring the total to {1:0.00} yuan, above the approved {2:0.00} yuan.", amount, DisbursedAmount + amount, ApprovedAmount));
        var tranche = new Disbursement(amount, PastDate(on, RegisteredOn!.Value, "disbursedOn", now));
        Disbursements = [.. Disbursements, tranche];
        DisbursedAmount += amount;
        Move(PledgeStatus.Disbursed, now);
    }

    public void Repay(DateTimeOffset now) => Step(PledgeStatus.Repaid, "repaid", PledgeStatus.Disbursed, now);

    public void Default(DateTimeOffset now) => Step(PledgeStatus.Defaulted, "marked defaulted", PledgeStatus.Disbursed, now);

    public void Release(DateTimeOffset now) => Step(PledgeStatus.Released, "released", null, now);

    /// <summary>The bank, as pledgee, agrees to a transfer or exclusive licence of the pledged patents (民法典 art. 444).</summary>
    public void RecordPledgeeConsent(DateTimeOffset now)
    {
        if (!LocksPatents) throw Illegal("given the pledgee's consent");
        PledgeeConsentAt ??= now;
        UpdatedAt = now;
    }

    private static DateOnly PastDate(DateOnly date, DateOnly earliest, string field, DateTimeOffset now) =>
        date >= earliest && date <= BusinessCalendar.ChinaDate(now)
            ? date
            : throw new DomainRuleException(field, new Text("The date must be between {0:yyyy-MM-dd} and today.", earliest));
}
