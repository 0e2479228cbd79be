using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>
/// A Chinese patent (or application) as registered on the marketplace by one of its owners, which then manages
/// it here. The bibliographic data is entered by that owner from CNIPA's register and re-validated on every
/// update; the application number identifies the patent for life and cannot change.
/// </summary>
public sealed partial class Patent : AggregateRoot
{
    public Guid Id { get; private set; }

    /// <summary>Normal form, e.g. "202310104843.5".</summary>
    public string ApplicationNumber { get; private set; } = "";
    public PatentType Type { get; private set; }

    /// <summary>Normal form, e.g. "CN115123456A".</summary>
    public string? PublicationNumber { get; private set; }
    public string TitleZh { get; private set; } = "";
    public string? TitleEn { get; private set; }
    public string AbstractZh { get; private set; } = "";
    public string? AbstractEn { get; private set; }

    /// <summary>Normal forms such as "B63B 35/00"; always a <see cref="List{T}"/> underneath, for EF Core.</summary>
    public IReadOnlyList<string> IpcCodes { get; private set; } = new List<string>();
    public string MainIpc { get; private set; } = "";
    public IReadOnlyList<string> Inventors { get; private set; } = new List<string>();
    public IReadOnlyList<PatentOwner> Owners { get; private set; } = new List<PatentOwner>();
    public DateOnly FilingDate { get; private set; }
    public DateOnly? GrantDate { get; private set; }
    public LegalStatus LegalStatus { get; private set; }

    /// <summary>Why it lapsed, in the register's words (e.g. 未缴年费专利权终止); set only when <see cref="LegalStatus"/> is Lapsed.</summary>
    public string? LapseReason { get; private set; }
    public DateOnly? FeesPaidThrough { get; private set; }

    /// <summary>Designs only, e.g. "12-08"; inventions and utility models have <see cref="IpcCodes"/> instead.</summary>
    public string? LocarnoClass { get; private set; }

    /// <summary>The register's history as imported (licensed, transferred, pledged …).</summary>
    public LegalEvents RecordedEvents { get; private set; }

    /// <summary>What the source record lacked and the owner has still to fill in.</summary>
    public RecordGaps Gaps { get; private set; }

    /// <summary>The day a deal made on this platform first put the patent to use (a licence, transfer or equity
    /// contribution recorded here); a sleeping patent is then awake for good.</summary>
    public DateOnly? AwakenedOn { get; private set; }

    /// <summary>The owner organisation that registered the patent here and manages it; always one of <see cref="Owners"/>.</summary>
    public Guid OwnerOrganizationId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic-concurrency token.</summary>
    public uint Version { get; private set; }

    private Patent() { }

    public static Patent Create(PatentDetails details, Guid managingOrganizationId, DateTimeOffset now)
    {
        if (managingOrganizationId == Guid.Empty)
            throw new ArgumentException("A patent is managed by an organisation.", nameof(managingOrganizationId));
        var patent = new Patent
        {
            Id = Guid.CreateVersion7(now),
            OwnerOrganizationId = managingOrganizationId,
            CreatedAt = now,
        };
        patent.Apply(details.Validated(BusinessCalendar.ChinaDate(now)), now);
        return patent;
    }

    public void Update(PatentDetails details, DateTimeOffset now)
    {
        var validated = details.Validated(BusinessCalendar.ChinaDate(now));
        if (validated.ApplicationNumber != ApplicationNumber)
            throw new DomainRuleException("applicationNumber",
                new Text("The application number {0} cannot be changed; register {1} as a new patent.", ApplicationNumber, validated.ApplicationNumber),
                isConflict: true);
        var before = LegalStatus;
        Apply(validated, now);
        Raise(new PatentChanged(Id));
        RaiseIfLapsedOrRestored(before, BusinessCalendar.ChinaDate(now));
    }

    /// <summary>The last day of the term, with any term compensation.</summary>
    public DateOnly TermEnd => PatentTerm.End(Type, FilingDate, TermCompensationDays);

    /// <summary>Whether it was ever granted; a lapsed patent may or may not have been.</summary>
    public bool IsGranted => GrantDate is not null || Gaps.HasFlag(RecordGaps.GrantDate);

    /// <summary>Whether the register records a pledge in its history: a lender must look at it before taking it.</summary>
    public bool PledgeRecorded => RecordedEvents.HasFlag(LegalEvents.Pledge);

    public bool IsInForce(DateOnly today) => IsGranted && LegalStatus == LegalStatus.Valid && today <= TermEnd;

    public RemainingTerm Remaining(DateOnly today) => PatentTerm.Remaining(Type, FilingDate, today, TermCompensationDays);

    /// <summary>Whether the register shows the annual fees paid through today; unknown counts as unpaid, since a
    /// lender must see the fees paid before it takes the patent as security.</summary>
    public bool AnnualFeesPaid(DateOnly today) => FeesPaidThrough is { } paid && paid >= today;

    /// <summary>Null when the patent can be offered on the marketplace today, otherwise the reason it cannot.</summary>
    public Text? WhyNotListable(DateOnly today)
    {
        if (LegalStatus == LegalStatus.Lapsed)
            return new Text("This patent has lapsed ({0}) and cannot be listed.", LapseReason);
        if (!IsGranted || LegalStatus != LegalStatus.Valid)
            return new Text("Only granted patents can be listed; this application has not been granted yet.");
        if (today > TermEnd)
            return new Text("This patent's term ended on {0:yyyy-MM-dd}; an expired patent cannot be listed.", TermEnd);
        if (Owners.Any(o => !o.ConsentToList))
            return new Text("Every co-owner must consent to listing.");
        if (Gaps.HasFlag(RecordGaps.Abstract))
            return new Text("Fill in the Chinese abstract before listing this patent: the imported record had none.");
        return null;
    }

    /// <summary>A co-owner agrees to the patent being offered on the marketplace (专利法 art. 14).</summary>
    public void RecordConsent(Guid organizationId, DateTimeOffset now)
    {
        if (Owners.All(o => o.OrganizationId != organizationId))
            throw new DomainRuleException("organizationId", "Only an owner of the patent can consent to its listing.");
        Owners = Owners.Select(o => o.OrganizationId == organizationId ? o with { ConsentToList = true } : o).ToList();
        UpdatedAt = now;
        Raise(new PatentChanged(Id));
    }

    /// <summary>A recorded transfer or equity contribution: the assignee becomes the sole owner and manages it.</summary>
    public void TransferTo(Guid assignee, DateTimeOffset now)
    {
        if (assignee == Guid.Empty) throw new ArgumentException("A patent is transferred to an organisation.", nameof(assignee));
        Owners = [new PatentOwner(assignee, 100m, ConsentToList: true)];
        OwnerOrganizationId = assignee;
        MarkPutToUse(BusinessCalendar.ChinaDate(now), now);
    }

    /// <summary>A deal made here (licence, transfer, equity) was recorded: the patent is in use from that day on.</summary>
    public void MarkPutToUse(DateOnly on, DateTimeOffset now)
    {
        if (AwakenedOn is null || on < AwakenedOn) AwakenedOn = on;
        UpdatedAt = now;
        Raise(new PatentChanged(Id));
    }

    // details is already validated; only the rule tying it to this aggregate's manager is left.
    private void Apply(PatentDetails details, DateTimeOffset now)
    {
        if (details.Owners.All(o => o.OrganizationId != OwnerOrganizationId))
            throw new DomainRuleException("owners",
                "The organisation that manages the patent on the platform must be one of its owners.");
        ApplicationNumber = details.ApplicationNumber;
        Type = details.Type;
        PublicationNumber = details.PublicationNumber;
        TitleZh = details.TitleZh;
        TitleEn = details.TitleEn;
        AbstractZh = details.AbstractZh;
        AbstractEn = details.AbstractEn;
        IpcCodes = details.IpcCodes.ToList();
        MainIpc = details.MainIpc ?? "";
        Inventors = details.Inventors.ToList();
        Owners = details.Owners.ToList();
        FilingDate = details.FilingDate;
        GrantDate = details.GrantDate;
        LegalStatus = details.LegalStatus;
        LapseReason = details.LapseReason;
        FeesPaidThrough = details.FeesPaidThrough;
        LocarnoClass = details.LocarnoClass;
        // The register's history only grows: a re-import with a shorter status cell does not forget a pledge.
        RecordedEvents |= details.RecordedEvents;
        Gaps = details.Gaps;
        UpdatedAt = now;
    }
}
