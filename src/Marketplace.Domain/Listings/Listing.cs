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

    /// <summary>Every allowed move. Published → PendingReview happens when a published listing's terms are edited.</summary>
    public static IReadOnlyDictionary<ListingStatus, ListingStatus[]> Transitions { get; } = new Dictionary<ListingStatus, ListingStatus[]>
    {
        [ListingStatus.Draft] = [ListingStatus.PendingReview, ListingStatus.Withdrawn],
        [ListingStatus.PendingReview] = [ListingStatus.Published, ListingStatus.Rejected, ListingStatus.Rework, ListingStatus.Withdrawn],
        [ListingStatus.Rework] = [ListingStatus.PendingReview, ListingStatus.Withdrawn],
        [ListingStatus.Published] = [ListingStatus.PendingReview, ListingStatus.Withdrawn, ListingStatus.Closed],
        [ListingStatus.Rejected] = [],
        [ListingStatus.Withdrawn] = [],
        [ListingStatus.Closed] = [],
    };

    public static bool CanMove(ListingStatus from, ListingStatus to) =>
        Transitions.TryGetValue(from, out var targets) && targets.Contains(to);

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
        if (Status is not (ListingStatus.Draft or ListingStatus.Rework or ListingStatus.Published))
            throw Illegal("edited");
        SetTerms(patent, terms, description, pledge, today, now);
        if (Status == ListingStatus.Published) Status = ListingStatus.PendingReview;
    }

    public void Submit(DateTimeOffset now) => Move(ListingStatus.PendingReview, "submitted for review", now,
        from: [ListingStatus.Draft, ListingStatus.Rework]);

    public void Approve(DateTimeOffset now)
    {
        Move(ListingStatus.Published, "approved", now, from: [ListingStatus.PendingReview]);
        PublishedAt = now;
        RejectionReason = null;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        var why = Reason(ListingStatus.Rejected, "rejected", reason);
        Move(ListingStatus.Rejected, "rejected", now, from: [ListingStatus.PendingReview]);
        RejectionReason = why;
    }

    public void RequestRework(string reason, DateTimeOffset now)
    {
        var why = Reason(ListingStatus.Rework, "sent back for rework", reason);
        Move(ListingStatus.Rework, "sent back for rework", now, from: [ListingStatus.PendingReview]);
        RejectionReason = why;
    }

    public void Withdraw(DateTimeOffset now) => Move(ListingStatus.Withdrawn, "withdrawn", now,
        from: [ListingStatus.Draft, ListingStatus.PendingReview, ListingStatus.Rework, ListingStatus.Published]);

    public void Close(DateTimeOffset now) => Move(ListingStatus.Closed, "closed", now, from: [ListingStatus.Published]);

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

    private string Reason(ListingStatus target, Text verb, string? reason)
    {
        if (!CanMove(Status, target)) throw Illegal(verb);
        return TextRules.Required(reason, "reason", "Reason", 500, multiline: true);
    }

    private void Move(ListingStatus target, Text verb, DateTimeOffset now, ListingStatus[] from)
    {
        if (!from.Contains(Status)) throw Illegal(verb);
        Status = target;
        UpdatedAt = now;
        Raise(new ListingChanged(Id));
    }

    private DomainRuleException Illegal(Text verb) =>
        new("status", new Text("A listing in state {0} cannot be {1}.", Status, verb), isConflict: true);
}
