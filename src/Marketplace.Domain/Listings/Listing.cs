using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Listings;

/// <summary>
/// An offer of one patent on the marketplace by an organisation, reviewed by the park office before it is
/// published. The patent's own state (granted, in force, co-owners' consent, pledge) is re-checked whenever the
/// terms are set, because it may have changed since the listing was drafted. The audit log keeps the history.
/// </summary>
public sealed class Listing : AggregateRoot
{
    public Guid Id { get; private set; }
    public Guid PatentId { get; private set; }

    /// <summary>The organisation (usually a university's tech-transfer office) that offers the patent.</summary>
    public Guid OrganizationId { get; private set; }
    public ListingStatus Status { get; private set; }
    public ListingTerms Terms { get; private set; } = new(null, null, null, null);
    public string? Description { get; private set; }

    /// <summary>The reviewer's reason for the last rejection or rework request; cleared on approval.</summary>
    public string? RejectionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When it was last approved; an edited listing gets a new date when approved again.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic-concurrency token.</summary>
    public uint Version { get; private set; }

    public static readonly LifecycleStep<ListingStatus>
        SubmitStep = LifecycleStep<ListingStatus>.To(ListingStatus.PendingReview, "submitted for review", ListingStatus.Draft, ListingStatus.Rework),
        ApproveStep = LifecycleStep<ListingStatus>.To(ListingStatus.Published, "approved", ListingStatus.PendingReview),
        RejectStep = LifecycleStep<ListingStatus>.To(ListingStatus.Rejected, "rejected", ListingStatus.PendingReview),
        ReworkStep = LifecycleStep<ListingStatus>.To(ListingStatus.Rework, "sent back for rework", ListingStatus.PendingReview),
        WithdrawStep = LifecycleStep<ListingStatus>.To(ListingStatus.Withdrawn, "withdrawn",
            ListingStatus.Draft, ListingStatus.PendingReview, ListingStatus.Rework, ListingStatus.Published, ListingStatus.Suspended),
        CloseStep = LifecycleStep<ListingStatus>.To(ListingStatus.Closed, "closed", ListingStatus.Published),
        SuspendStep = LifecycleStep<ListingStatus>.To(ListingStatus.Suspended, "suspended", ListingStatus.Published),
        RestoreStep = LifecycleStep<ListingStatus>.To(ListingStatus.Published, "restored", ListingStatus.Suspended),
        // Editing a published listing's terms sends it back to review, so the public only sees reviewed terms.
        EditStep = new("edited", new Dictionary<ListingStatus, ListingStatus>
        {
            [ListingStatus.Draft] = ListingStatus.Draft, [ListingStatus.Rework] = ListingStatus.Rework, [ListingStatus.Published] = ListingStatus.PendingReview,
        });

    /// <summary>Every step of a listing's life. Suspended is the patent's lapse, not anyone's decision: it is taken and
    /// undone by the patent watch (the right lapsed, the right was restored).</summary>
    public static Lifecycle<ListingStatus> Lifecycle { get; } = new("A listing in state {0} cannot be {1}.",
        SubmitStep, ApproveStep, RejectStep, ReworkStep, WithdrawStep, CloseStep, SuspendStep, RestoreStep, EditStep);

    private Listing() { }

    public static Listing Create(
        Patent patent, Guid organizationId, ListingTerms terms, string? description, PledgeState pledge,
        DateOnly today, DateTimeOffset now)
    {
        if (organizationId == Guid.Empty)
            throw new ArgumentException("A listing is offered by an organisation.", nameof(organizationId));
        var listing = new Listing
        {
            Id = Guid.CreateVersion7(now),
            PatentId = patent.Id,
            OrganizationId = organizationId,
            Status = ListingStatus.Draft,
            CreatedAt = now,
        };
        listing.SetTerms(patent, terms, description, pledge, today, now);
        return listing;
    }

    /// <summary>Editing a published listing's terms sends it back to review, so the public only sees reviewed terms.</summary>
    public void UpdateTerms(Patent patent, ListingTerms terms, string? description, PledgeState pledge, DateOnly today, DateTimeOffset now)
    {
        if (patent.Id != PatentId)
            throw new ArgumentException("The listing's own patent must be given.", nameof(patent));
        var next = Lifecycle.Take(Status, EditStep);
        SetTerms(patent, terms, description, pledge, today, now);
        Status = next;
    }

    public void Submit(DateTimeOffset now) => Move(SubmitStep, now);

    public void Approve(DateTimeOffset now)
    {
        Move(ApproveStep, now);
        PublishedAt = now;
        RejectionReason = null;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        var why = Reason(RejectStep, reason);
        Move(RejectStep, now);
        RejectionReason = why;
    }

    public void RequestRework(string reason, DateTimeOffset now)
    {
        var why = Reason(ReworkStep, reason);
        Move(ReworkStep, now);
        RejectionReason = why;
    }

    public void Withdraw(DateTimeOffset now) => Move(WithdrawStep, now);

    public void Close(DateTimeOffset now) => Move(CloseStep, now);

    /// <summary>The patent lapsed: off the market (and out of search) until the right is restored.</summary>
    public void Suspend(DateTimeOffset now) => Move(SuspendStep, now);

    /// <summary>The right was restored (权利恢复): back on the market with the terms it was approved with.</summary>
    public void Restore(DateTimeOffset now) => Move(RestoreStep, now);

    private void SetTerms(Patent patent, ListingTerms terms, string? description, PledgeState pledge, DateOnly today, DateTimeOffset now)
    {
        var validated = terms.Validated();
        var text = TextRules.Optional(description, "description", "Description", 2000, multiline: true);

        if (patent.WhyNotListable(today) is { } why)
            throw new DomainRuleException("patentId", why, isConflict: true);
        if (validated.OpenLicence is { } open)
        {
            if (!patent.IsGranted)
                throw new DomainRuleException("openLicence", "Only a granted patent can be offered under an open licence.", isConflict: true);
            if (patent.Type != PatentType.Invention && !open.EvaluationReportNoted)
                throw new DomainRuleException("openLicence.evaluationReportNoted",
                    new Text("An open licence for {0} needs a patent evaluation report (专利权评价报告); confirm that you have one.", PatentDetails.Describe(patent.Type)));
        }
        if (validated.Licence is { } licence && licence.TermMonths > patent.Remaining(today).TotalMonths)
            throw new DomainRuleException("licence.termMonths",
                new Text("The licence term of {0} months runs past the end of the patent on {1:yyyy-MM-dd}; at most {2} months are left.",
                    licence.TermMonths, patent.TermEnd, patent.Remaining(today).TotalMonths));
        if (validated.DisposesOfTheRight && pledge.BlocksDisposal)
            throw new DomainRuleException("modes",
                "The patent is pledged: a transfer, equity contribution or exclusive licence needs the pledgee's consent, which has not been recorded.",
                isConflict: true);

        Terms = validated;
        Description = text;
        UpdatedAt = now;
        Raise(new ListingChanged(Id));
    }

    // The state is checked before the reason: a listing that cannot be rejected is a conflict, whatever the reason.
    private string Reason(LifecycleStep<ListingStatus> step, string? reason)
    {
        Lifecycle.Take(Status, step);
        return TextRules.Required(reason, "reason", "Reason", 500, multiline: true);
    }

    private void Move(LifecycleStep<ListingStatus> step, DateTimeOffset now)
    {
        Status = Lifecycle.Take(Status, step);
        UpdatedAt = now;
        Raise(new ListingChanged(Id));
    }
}
