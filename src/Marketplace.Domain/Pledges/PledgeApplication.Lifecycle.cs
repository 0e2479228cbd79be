using Marketplace.Domain.Common;

namespace Marketplace.Domain.Pledges;

public sealed partial class PledgeApplication
{
    /// <summary>Registered and not yet released: the patents cannot be pledged again or disposed of. Declared before
    /// the steps, which read it (static fields are initialised in the order of this file).</summary>
    public static readonly PledgeStatus[] LockingStates = [PledgeStatus.PledgeRegistered, PledgeStatus.Disbursed, PledgeStatus.Repaid, PledgeStatus.Defaulted];

    public static readonly LifecycleStep<PledgeStatus>
        EditStep = LifecycleStep<PledgeStatus>.Within("edited", PledgeStatus.Draft),
        SubmitStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Submitted, "submitted", PledgeStatus.Draft),
        TakeStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.UnderReview, "taken for review", PledgeStatus.Submitted),
        RequestInfoStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.InfoRequested, "asked for information", PledgeStatus.UnderReview),
        AnswerStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.UnderReview, "answered", PledgeStatus.InfoRequested),
        RecommendStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Recommended, "recommended", PledgeStatus.UnderReview),
        ApproveStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Approved, "approved", PledgeStatus.Recommended),
        RejectStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Rejected, "rejected", PledgeStatus.UnderReview, PledgeStatus.Recommended),
        RegisterStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.PledgeRegistered, "registered as a pledge", PledgeStatus.Approved),
        // The first tranche moves a registered pledge to Disbursed; each further tranche keeps it there.
        DisburseStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Disbursed, "paid out", PledgeStatus.PledgeRegistered, PledgeStatus.Disbursed),
        RepayStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Repaid, "repaid", PledgeStatus.Disbursed),
        DefaultStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Defaulted, "marked defaulted", PledgeStatus.Disbursed),
        ReleaseStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Released, "released", PledgeStatus.Repaid, PledgeStatus.Defaulted),
        WithdrawStep = LifecycleStep<PledgeStatus>.To(PledgeStatus.Withdrawn, "withdrawn",
            PledgeStatus.Draft, PledgeStatus.Submitted, PledgeStatus.UnderReview, PledgeStatus.InfoRequested, PledgeStatus.Recommended),
        // The pledgee's consent (民法典 art. 444) matters only while the patents are locked.
        ConsentStep = LifecycleStep<PledgeStatus>.Within("given the pledgee's consent", LockingStates);

    /// <summary>Every step of an application's life: the guard of each method reads it, the tests enumerate it.</summary>
    public static Lifecycle<PledgeStatus> Lifecycle { get; } = new("An application in state {0} cannot be {1}.",
        EditStep, SubmitStep, TakeStep, RequestInfoStep, AnswerStep, RecommendStep, ApproveStep, RejectStep,
        RegisterStep, DisburseStep, RepayStep, DefaultStep, ReleaseStep, WithdrawStep, ConsentStep);

    /// <summary>Refuses the step unless the table allows it from the current state; checked before any input.</summary>
    private void Ensure(LifecycleStep<PledgeStatus> step) => Lifecycle.Take(Status, step);

    private void Move(LifecycleStep<PledgeStatus> step, DateTimeOffset now)
    {
        var from = Status;
        Status = Lifecycle.Take(from, step);
        UpdatedAt = now;
        Raise(new PledgeStepTaken(Id, ApplicantOrganizationId, BankOrganizationId, from, Status));
    }
}
