using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Domain.Deals;

/// <summary>
/// A licence, equity contribution or transfer between two organisations, from the agreed terms to the money
/// received. Born in Draft from an accepted offer (or entered by the park office for a deal made elsewhere);
/// signed when both parties confirm the contract; recorded with CNIPA; completed when fully paid.
/// </summary>
public sealed partial class Deal : AggregateRoot
{
    private readonly List<Instalment> _instalments = [];

    public Guid Id { get; private set; }
    public TradeMode Mode { get; private set; }
    public OfferTerms Terms { get; private set; } = null!;
    public decimal ContractAmount { get; private set; }

    /// <summary>Licensor, assignor, or the contributor of the patent.</summary>
    public Guid SellerOrganizationId { get; private set; }

    /// <summary>Licensee, assignee, or the company receiving the contribution.</summary>
    public Guid BuyerOrganizationId { get; private set; }
    public Guid PatentId { get; private set; }
    public Guid? ListingId { get; private set; }
    public Guid? InquiryId { get; private set; }
    public Guid? OfferId { get; private set; }
    public Guid? SessionId { get; private set; }
    public DealOrigin Origin { get; private set; }
    public DealStatus Status { get; private set; }
    public DateOnly? ContractDate { get; private set; }

    /// <summary>技术合同登记号, from the technology-market registration office.</summary>
    public string? RegistrationNumber { get; private set; }
    public bool SellerConfirmed { get; private set; }
    public bool BuyerConfirmed { get; private set; }

    /// <summary>CNIPA licence-contract record number (备案号) or transfer registration number.</summary>
    public string? RecordNumber { get; private set; }
    public DateOnly? RecordDate { get; private set; }
    public string? CancellationReason { get; private set; }

    /// <summary>Money received net of refunds, the sum over the schedule.</summary>
    public decimal Received { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<Instalment> Instalments => _instalments;

    public static readonly LifecycleStep<DealStatus>
        Sign = LifecycleStep<DealStatus>.To(DealStatus.Signed, "signed", DealStatus.Draft),
        RecordStep = LifecycleStep<DealStatus>.To(DealStatus.Recorded, "recorded", DealStatus.Signed),
        CompleteStep = LifecycleStep<DealStatus>.To(DealStatus.Completed, "completed", DealStatus.Recorded),
        CancelStep = LifecycleStep<DealStatus>.To(DealStatus.Cancelled, "cancelled", DealStatus.Draft, DealStatus.Signed),
        Reschedule = LifecycleStep<DealStatus>.Within("given a schedule", DealStatus.Draft, DealStatus.Signed),
        DraftSchedule = LifecycleStep<DealStatus>.Within("given a schedule by a party", DealStatus.Draft),
        AgreedSchedule = LifecycleStep<DealStatus>.Within("given a new schedule by agreement", DealStatus.Signed),
        Pay = LifecycleStep<DealStatus>.Within("paid for", DealStatus.Signed, DealStatus.Recorded);

    /// <summary>Every step of a deal's life. Recorded → Completed also happens by itself when the last money arrives.</summary>
    public static Lifecycle<DealStatus> Lifecycle { get; } =
        new("A deal in state {0} cannot be {1}.", Sign, RecordStep, CompleteStep, CancelStep, Reschedule, DraftSchedule, AgreedSchedule, Pay);

    private Deal() { }

    public static Deal FromAcceptedOffer(Inquiry inquiry, Offer offer, DateTimeOffset now)
    {
        if (offer.Status != OfferStatus.Accepted || offer.InquiryId != inquiry.Id)
            throw new InvalidOperationException("A deal is made from an accepted offer of the same inquiry.");
        var deal = New(offer.Terms, inquiry.OwnerOrganizationId, inquiry.EnterpriseOrganizationId, inquiry.PatentId,
            inquiry.SessionId is null ? DealOrigin.InquiryRoom : DealOrigin.MatchmakingSession, now);
        (deal.ListingId, deal.InquiryId, deal.OfferId, deal.SessionId) = (inquiry.ListingId, inquiry.Id, offer.Id, inquiry.SessionId);
        deal.Created("Created", $"inquiry {inquiry.Id}, offer {offer.Number}", inquiry.NeedId);
        return deal;
    }

    /// <summary>A deal made without the platform, entered by the park office so the zone's figures are complete.</summary>
    public static Deal RecordOffPlatform(OfferTerms terms, Guid seller, Guid buyer, Guid patentId, DateTimeOffset now)
    {
        if (seller == buyer) throw new DomainRuleException("buyerOrganizationId", "The two parties must be different organisations.");
        var deal = New(terms.Validated(), seller, buyer, patentId, DealOrigin.OffPlatform, now);
        deal.Created("RecordedOffPlatform", null, null);
        return deal;
    }

    private void Created(string action, string? comment, Guid? needId)
    {
        Raise(new DealCreated(Id, InquiryId, needId, Origin));
        Raise(new DealStepTaken(Id, action, null, Status, comment));
    }

    private static Deal New(OfferTerms terms, Guid seller, Guid buyer, Guid patentId, DealOrigin origin, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Mode = terms.Mode,
        Terms = terms,
        ContractAmount = terms.ContractAmount,
        SellerOrganizationId = seller,
        BuyerOrganizationId = buyer,
        PatentId = patentId,
        Origin = origin,
        Status = DealStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public bool IsParty(Guid organizationId) => organizationId == SellerOrganizationId || organizationId == BuyerOrganizationId;

    /// <summary>The park plan's category: licences by kind, then open licence, equity, transfer.</summary>
    public DealCategory Category => Mode switch
    {
        TradeMode.Licence => Terms.LicenceKind switch
        {
            LicenceKind.Exclusive => DealCategory.ExclusiveLicence,
            LicenceKind.Sole => DealCategory.SoleLicence,
            _ => DealCategory.NonExclusiveLicence,
        },
        TradeMode.OpenLicence => DealCategory.OpenLicence,
        TradeMode.Equity => DealCategory.Equity,
        _ => DealCategory.Transfer,
    };

    /// <summary>Whether this deal counts toward the target now (signed and not cancelled), and in which year.</summary>
    public int? CountedYear => Status is DealStatus.Signed or DealStatus.Recorded or DealStatus.Completed ? ContractDate?.Year : null;

    /// <summary>What the deal adds to the plan's figures now.</summary>
    public DealContribution? Contribution =>
        CountedYear is { } year ? new DealContribution(year, ContractDate!.Value.Month, Category, ContractAmount, Received, 1) : null;
}
