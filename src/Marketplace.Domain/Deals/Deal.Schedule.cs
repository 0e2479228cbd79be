using Marketplace.Domain.Common;

namespace Marketplace.Domain.Deals;

/// <summary>
/// The payment schedule. A party sets it while the deal is a draft (the other party's signature then confirms it, so an
/// earlier confirmation lapses); once signed, it changes only by agreement: one party proposes, the other accepts (or
/// rejects), like an offer. The park office records the schedule of a deal made off the platform.
/// </summary>
public sealed partial class Deal
{
    /// <summary>Ten years of monthly payments: anything longer is a typing mistake, not a contract.</summary>
    public const int MaxInstalments = 120;

    /// <summary>The longest a patent lasts: no payment falls due later than that from today.</summary>
    public const int MaxYearsAhead = 20;

    /// <summary>The first year of the deal register's calendar.</summary>
    public static readonly DateOnly EarliestDueDate = new(1985, 1, 1);

    public IReadOnlyList<InstalmentPlan>? ProposedSchedule { get; private set; }
    public Guid? ScheduleProposedBy { get; private set; }
    public DateTimeOffset? ScheduleProposedAt { get; private set; }

    /// <summary>A party's schedule for a draft. The other party's confirmation, if given, was for another schedule and lapses.</summary>
    public void SetDraftSchedule(Guid organizationId, IReadOnlyList<InstalmentPlan> plans, DateTimeOffset now)
    {
        Lifecycle.Take(Status, DraftSchedule);
        EnsureParty(organizationId, "Only the two parties set a deal's schedule.");
        SetSchedule(plans, now);
        if (organizationId == SellerOrganizationId) BuyerConfirmed = false; else SellerConfirmed = false;
    }

    /// <summary>A new schedule for a signed deal, which the other party must accept; it replaces a pending proposal.</summary>
    public void ProposeSchedule(Guid organizationId, IReadOnlyList<InstalmentPlan> plans, DateTimeOffset now)
    {
        Lifecycle.Take(Status, AgreedSchedule);
        EnsureParty(organizationId, "Only the two parties propose a deal's schedule.");
        ProposedSchedule = Checked(plans, now);
        (ScheduleProposedBy, ScheduleProposedAt, UpdatedAt) = (organizationId, now, now);
        Raise(new DealStepTaken(Id, "ScheduleProposed", Status, Status, $"{plans.Count} instalments"));
    }

    public void AcceptSchedule(Guid organizationId, DateTimeOffset now)
    {
        var plans = Pending(organizationId, proposer: false, "Only the other party accepts a proposed schedule.");
        SetSchedule(plans, now);
        Raise(new DealStepTaken(Id, "ScheduleAccepted", Status, Status, null));
    }

    public void RejectSchedule(Guid organizationId, DateTimeOffset now)
    {
        Pending(organizationId, proposer: false, "Only the other party rejects a proposed schedule.");
        ClearProposal(now);
        Raise(new DealStepTaken(Id, "ScheduleRejected", Status, Status, null));
    }

    public void WithdrawSchedule(Guid organizationId, DateTimeOffset now)
    {
        Pending(organizationId, proposer: true, "Only the party who proposed a schedule withdraws it.");
        ClearProposal(now);
        Raise(new DealStepTaken(Id, "ScheduleWithdrawn", Status, Status, null));
    }

    /// <summary>The schedule as recorded (the park office's off-platform deals, and the steps above); instalments add up
    /// to the contract amount, royalties come on top.</summary>
    public void SetSchedule(IReadOnlyList<InstalmentPlan> plans, DateTimeOffset now)
    {
        Lifecycle.Take(Status, Reschedule);
        var validated = Checked(plans, now);
        _instalments.Clear();
        _instalments.AddRange(validated.OrderBy(p => p.DueDate).Select((p, i) => new Instalment(Id, i + 1, p.Kind, p.Label, p.DueDate, p.Amount, now)));
        ClearProposal(now);
        Raise(new DealStepTaken(Id, "ScheduleSet", Status, Status, $"{validated.Count} instalments"));
    }

    private IReadOnlyList<InstalmentPlan> Checked(IReadOnlyList<InstalmentPlan> plans, DateTimeOffset now)
    {
        if (_instalments.Any(i => i.Net > 0 || i.Method is not null))
            throw new DomainRuleException("instalments", "Payments have started; the schedule can no longer change.", isConflict: true);
        if (plans.Count == 0) throw new DomainRuleException("instalments", "Give at least one instalment.");
        if (plans.Count > MaxInstalments) throw new DomainRuleException("instalments", new Text("Give at most {0} instalments.", MaxInstalments));
        var latest = BusinessCalendar.ChinaDate(now).AddYears(MaxYearsAhead);
        var validated = plans.Select((p, i) => p.Validated(i)).ToList();
        for (var i = 0; i < validated.Count; i++)
            if (validated[i].DueDate < EarliestDueDate || validated[i].DueDate > latest)
                throw new DomainRuleException($"instalments[{i}].dueDate",
                    new Text("A due date lies between {0} and {1}.", EarliestDueDate.ToString("yyyy-MM-dd"), latest.ToString("yyyy-MM-dd")));
        var fixedSum = validated.Where(p => p.Kind != InstalmentKind.Royalty).Sum(p => p.Amount);
        if (fixedSum != ContractAmount)
            throw new DomainRuleException("instalments", new Text("The upfront and milestone instalments add up to {0:N2} yuan; the contract amount is {1:N2}.",
                fixedSum, ContractAmount));
        return validated;
    }

    private IReadOnlyList<InstalmentPlan> Pending(Guid organizationId, bool proposer, Text who)
    {
        Lifecycle.Take(Status, AgreedSchedule);
        if (ProposedSchedule is null || ScheduleProposedBy is not { } by)
            throw new DomainRuleException("scheduleProposal", "No schedule is proposed for this deal.", isConflict: true);
        if (!IsParty(organizationId) || (organizationId == by) != proposer) throw new ForbiddenActionException("organizationId", who);
        return ProposedSchedule;
    }

    private void EnsureParty(Guid organizationId, Text message)
    {
        if (!IsParty(organizationId)) throw new ForbiddenActionException("organizationId", message);
    }

    private void ClearProposal(DateTimeOffset now) => (ProposedSchedule, ScheduleProposedBy, ScheduleProposedAt, UpdatedAt) = (null, null, null, now);
}
