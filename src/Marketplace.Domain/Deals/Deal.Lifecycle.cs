using System.Text.RegularExpressions;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;

namespace Marketplace.Domain.Deals;

public sealed partial class Deal
{
    /// <summary>
    /// One party confirms the signed contract. The first confirmation states the contract date and the
    /// registration number; the other party's must state the same, and the second confirmation signs the deal.
    /// Returns whether the deal is now signed.
    /// </summary>
    /// <param name="otherDealsOfPatent">The patent's other deals, for the exclusive-licence rule.</param>
    public bool ConfirmSignature(Guid organizationId, DateOnly contractDate, string? registrationNumber, IReadOnlyList<Deal> otherDealsOfPatent,
        DateOnly today, DateTimeOffset now)
    {
        Lifecycle.Take(Status, Sign);
        if (!IsParty(organizationId)) throw new ForbiddenActionException("organizationId", "Only the two parties sign a deal.");
        var number = NormalizedRegistrationNumber(registrationNumber);
        if (!RegistrationPattern().IsMatch(number))
            throw new DomainRuleException("registrationNumber",
                "Give the technology-contract registration number (技术合同登记号): 10 to 24 letters and digits.");
        if (contractDate > today) throw new DomainRuleException("contractDate", "The contract date cannot be in the future.");
        if (RegistrationNumber is not null && (RegistrationNumber != number || ContractDate != contractDate))
            throw new DomainRuleException("registrationNumber",
                new Text("The other party confirmed contract {0} of {1:yyyy-MM-dd}; confirm the same contract.", RegistrationNumber, ContractDate), isConflict: true);
        (RegistrationNumber, ContractDate) = (number, contractDate);
        if (otherDealsOfPatent.FirstOrDefault(ExcludesExclusively) is { } earlier)
            throw new DomainRuleException("licenceKind",
                new Text("An exclusive licence of this patent for {0} is already signed for an overlapping period (contract {1}).", Terms.Territory, earlier.RegistrationNumber), isConflict: true);
        if (organizationId == SellerOrganizationId) SellerConfirmed = true; else BuyerConfirmed = true;
        UpdatedAt = now;
        var signed = SellerConfirmed && BuyerConfirmed;
        if (signed) Move(Sign, "SignatureConfirmed", RegistrationNumber);
        else Raise(new DealStepTaken(Id, "SignatureConfirmed", Status, Status, RegistrationNumber));
        return signed;
    }

    /// <summary>The CNIPA record or registration. A transfer or equity contribution then moves the patent (the
    /// Patents feature hears of it through <see cref="DealRecorded"/>).</summary>
    public void Record(string? recordNumber, DateOnly recordDate, DateOnly today, DateTimeOffset now)
    {
        Lifecycle.Take(Status, RecordStep);
        RecordNumber = Patents.TextRules.Required(recordNumber, "recordNumber", "CNIPA record or registration number", 60);
        if (recordDate < ContractDate) throw new DomainRuleException("recordDate", "The record date cannot be before the contract date.");
        if (recordDate > today) throw new DomainRuleException("recordDate", "The record date cannot be in the future.");
        RecordDate = recordDate;
        UpdatedAt = now;
        Move(RecordStep, "Recorded", RecordNumber);
        Raise(new DealRecorded(Id, PatentId, SellerOrganizationId, BuyerOrganizationId, Mode));
    }

    /// <summary>
    /// A pledged patent may not be transferred, contributed or exclusively licensed without the pledgee's recorded
    /// consent (民法典 art. 444); checked when the deal is signed and again when it is recorded.
    /// </summary>
    public void EnsurePledgeAllows(PledgeState pledge)
    {
        if ((MovesOwnership || Category == DealCategory.ExclusiveLicence) && pledge.BlocksDisposal)
            throw new DomainRuleException("patentId",
                "The patent is pledged: a transfer, equity contribution or exclusive licence needs the pledgee bank's recorded consent.", isConflict: true);
    }

    /// <summary>Whether recording this deal changes who owns the patent.</summary>
    public bool MovesOwnership => Mode is TradeMode.Transfer or TradeMode.Equity;

    public void Complete(DateTimeOffset now)
    {
        Lifecycle.Take(Status, CompleteStep);
        if (Received < ContractAmount)
            throw new DomainRuleException("received", new Text("{0:N2} of {1:N2} yuan received; a deal is completed when fully paid.", Received, ContractAmount), isConflict: true);
        UpdatedAt = now;
        Move(CompleteStep, "Completed", null);
    }

    public void Cancel(string? reason, DateTimeOffset now)
    {
        var why = Patents.TextRules.Required(reason, "reason", "Reason", 500, multiline: true);
        Lifecycle.Take(Status, CancelStep);
        CancellationReason = why;
        UpdatedAt = now;
        Move(CancelStep, "Cancelled", why);
    }

    /// <summary>Money moves only on a signed deal: that is when it starts to count.</summary>
    public Instalment PayableInstalment(Guid instalmentId)
    {
        Lifecycle.Take(Status, Pay);
        return Instalment(instalmentId);
    }

    /// <summary>
    /// An exclusive licence excludes another exclusive licence of the same patent for the same territory over an
    /// overlapping period (the licensee bought the right that nobody else, not even the patentee, works it there).
    /// </summary>
    public bool ExcludesExclusively(Deal other) =>
        other.Id != Id && other.PatentId == PatentId && Category == DealCategory.ExclusiveLicence && other.Category == DealCategory.ExclusiveLicence
        && other.Status is DealStatus.Signed or DealStatus.Recorded or DealStatus.Completed
        && string.Equals(other.Terms.Territory?.Trim(), Terms.Territory?.Trim(), StringComparison.OrdinalIgnoreCase)
        && Overlaps(Period(), other.Period());

    private (DateOnly From, DateOnly To) Period()
    {
        var from = ContractDate ?? DateOnly.FromDateTime(CreatedAt.UtcDateTime);
        return (from, from.AddMonths(Terms.TermMonths ?? LicenceTerms.MaxTermMonths));
    }

    private static bool Overlaps((DateOnly From, DateOnly To) a, (DateOnly From, DateOnly To) b) => a.From < b.To && b.From < a.To;

    /// <summary>Takes a step of the <see cref="Lifecycle"/> and tells who listens.</summary>
    private void Move(LifecycleStep<DealStatus> step, string action, string? comment)
    {
        var (from, counted) = (Status, Contribution);
        Status = Lifecycle.Take(Status, step);
        Raise(new DealStepTaken(Id, action, from, Status, comment));
        RaiseIfCountChanged(counted);
    }

    private void RaiseIfCountChanged(DealContribution? before)
    {
        if (Contribution != before) Raise(new DealCountChanged(Id, SellerOrganizationId, PatentId, before, Contribution));
    }

    /// <summary>技术合同登记号 as stored: trimmed, upper case. One number belongs to one deal (checked by the caller).</summary>
    public static string NormalizedRegistrationNumber(string? number) => (number ?? "").Trim().ToUpperInvariant();

    [GeneratedRegex("^[0-9A-Z]{10,24}$")]
    private static partial Regex RegistrationPattern();
}
