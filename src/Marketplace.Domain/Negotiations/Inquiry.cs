using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Negotiations;

public enum InquiryStatus
{
    Open,
    /// <summary>An offer was accepted; the deal takes it from here.</summary>
    Agreed,
    /// <summary>A party ended the talks without agreement.</summary>
    Closed,
}

/// <summary>
/// A negotiation room between an enterprise and the office that listed a patent, with its versioned offers.
/// The room is the aggregate: every offer move goes through it and bumps its version, so two accepts (of the same
/// offer or of two offers) cannot both commit — the second one's write of the room is stale.
/// </summary>
public sealed class Inquiry
{
    private readonly List<Offer> _offers = [];

    public Guid Id { get; private set; }
    public Guid ListingId { get; private set; }
    public Guid PatentId { get; private set; }

    /// <summary>The listing's organisation: licensor or assignor.</summary>
    public Guid OwnerOrganizationId { get; private set; }

    /// <summary>The enterprise that asked: licensee, assignee or the company receiving the contribution.</summary>
    public Guid EnterpriseOrganizationId { get; private set; }
    public Guid? NeedId { get; private set; }
    public Guid? SessionId { get; private set; }
    public string Subject { get; private set; } = "";
    public InquiryStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<Offer> Offers => _offers;

    private Inquiry() { }

    public static Inquiry Open(Guid listingId, Guid patentId, Guid ownerOrganizationId, Guid enterpriseOrganizationId,
        string subject, Guid? needId, Guid? sessionId, DateTimeOffset now)
    {
        if (ownerOrganizationId == enterpriseOrganizationId)
            throw new DomainRuleException("listingId", "This is your own organisation's listing; an inquiry is between two organisations.");
        return new Inquiry
        {
            Id = Guid.CreateVersion7(now),
            ListingId = listingId,
            PatentId = patentId,
            OwnerOrganizationId = ownerOrganizationId,
            EnterpriseOrganizationId = enterpriseOrganizationId,
            NeedId = needId,
            SessionId = sessionId,
            Subject = TextRules.Required(subject, "subject", "Subject", 200),
            Status = InquiryStatus.Open,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public bool IsParty(Guid organizationId) => organizationId == OwnerOrganizationId || organizationId == EnterpriseOrganizationId;

    public Guid OtherParty(Guid organizationId) => organizationId == OwnerOrganizationId ? EnterpriseOrganizationId : OwnerOrganizationId;

    /// <summary>A fresh proposal, when nothing is on the table; with an open offer, a party counters it instead.</summary>
    public Offer Propose(Guid organizationId, Guid? userId, OfferTerms terms, string? note, DateTimeOffset now)
    {
        EnsureTalking(organizationId);
        if (_offers.FirstOrDefault(o => o.Status == OfferStatus.Open) is { } open)
            throw new DomainRuleException("offer", new Text("Offer {0} is still open: accept, reject, counter or withdraw it first.", open.Number), isConflict: true);
        return Add(null, organizationId, userId, terms, note, now);
    }

    public Offer Counter(Guid offerId, Guid organizationId, Guid? userId, OfferTerms terms, string? note, DateTimeOffset now)
    {
        var offer = Answerable(offerId, organizationId);
        var validated = terms.Validated();
        offer.Decide(OfferStatus.Countered, userId, now);
        return Add(offer.Id, organizationId, userId, validated, note, now);
    }

    /// <summary>Accepting closes the room's other open offers and the room itself: one agreement per room.</summary>
    public Offer Accept(Guid offerId, Guid organizationId, Guid? userId, DateTimeOffset now)
    {
        var offer = Answerable(offerId, organizationId);
        offer.Decide(OfferStatus.Accepted, userId, now);
        foreach (var other in _offers.Where(o => o.Status == OfferStatus.Open)) other.Decide(OfferStatus.Closed, userId, now);
        Status = InquiryStatus.Agreed;
        UpdatedAt = now;
        return offer;
    }

    public Offer Reject(Guid offerId, Guid organizationId, Guid? userId, DateTimeOffset now)
    {
        var offer = Answerable(offerId, organizationId);
        offer.Decide(OfferStatus.Rejected, userId, now);
        UpdatedAt = now;
        return offer;
    }

    public Offer Withdraw(Guid offerId, Guid organizationId, Guid? userId, DateTimeOffset now)
    {
        var offer = OpenOffer(offerId, organizationId);
        if (offer.ProposedByOrganizationId != organizationId)
            throw new ForbiddenActionException("offerId", "Only the party that made an offer can withdraw it.");
        offer.Decide(OfferStatus.Withdrawn, userId, now);
        UpdatedAt = now;
        return offer;
    }

    /// <summary>Ends the talks without agreement; open offers lapse.</summary>
    public void Close(Guid organizationId, Guid? userId, DateTimeOffset now)
    {
        EnsureTalking(organizationId);
        foreach (var open in _offers.Where(o => o.Status == OfferStatus.Open)) open.Decide(OfferStatus.Closed, userId, now);
        Status = InquiryStatus.Closed;
        UpdatedAt = now;
    }

    /// <summary>An open licence needs no negotiation: the published terms, offered by the owner, accepted by the enterprise at once.</summary>
    public Offer AcceptPublishedTerms(OfferTerms published, Guid? userId, DateTimeOffset now)
    {
        Propose(OwnerOrganizationId, null, published, null, now);
        return Accept(_offers[^1].Id, EnterpriseOrganizationId, userId, now);
    }

    private Offer Add(Guid? counterOf, Guid organizationId, Guid? userId, OfferTerms terms, string? note, DateTimeOffset now)
    {
        var offer = new Offer(Id, _offers.Count + 1, counterOf, organizationId, userId, terms.Validated(),
            TextRules.Optional(note, "note", "Note", 1000, multiline: true), now);
        _offers.Add(offer);
        UpdatedAt = now;
        return offer;
    }

    private Offer Answerable(Guid offerId, Guid organizationId)
    {
        var offer = OpenOffer(offerId, organizationId);
        if (offer.ProposedByOrganizationId == organizationId)
            throw new ForbiddenActionException("offerId", "You cannot answer your own offer; the other party answers it.");
        return offer;
    }

    private Offer OpenOffer(Guid offerId, Guid organizationId)
    {
        EnsureTalking(organizationId);
        var offer = _offers.FirstOrDefault(o => o.Id == offerId)
                    ?? throw new DomainRuleException("offerId", "There is no such offer in this inquiry.");
        if (offer.Status != OfferStatus.Open)
            throw new DomainRuleException("offerId", new Text("Offer {0} is {1}; only an open offer can be answered.", offer.Number, offer.Status), isConflict: true);
        return offer;
    }

    private void EnsureTalking(Guid organizationId)
    {
        if (!IsParty(organizationId))
            throw new ForbiddenActionException("inquiry", "Only the two parties negotiate in an inquiry.");
        if (Status != InquiryStatus.Open)
            throw new DomainRuleException("status", new Text("The inquiry is {0}; no more offers can be made in it.", Status), isConflict: true);
    }
}
