using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Domain.Deals;

public enum DealStatus { Draft }

public enum DealOrigin { InquiryRoom, MatchmakingSession, OffPlatform }

/// <summary>
/// A licence, equity contribution or transfer agreed between two organisations. Here a deal is only born, in
/// Draft, from an accepted offer; signing, recording and payment are the deals feature's lifecycle.
/// </summary>
public sealed class Deal
{
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
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    private Deal() { }

    public static Deal FromAcceptedOffer(Inquiry inquiry, Offer offer, DateTimeOffset now)
    {
        if (offer.Status != OfferStatus.Accepted || offer.InquiryId != inquiry.Id)
            throw new InvalidOperationException("A deal is made from an accepted offer of the same inquiry.");
        return new Deal
        {
            Id = Guid.CreateVersion7(now),
            Mode = offer.Terms.Mode,
            Terms = offer.Terms,
            ContractAmount = offer.Terms.ContractAmount,
            SellerOrganizationId = inquiry.OwnerOrganizationId,
            BuyerOrganizationId = inquiry.EnterpriseOrganizationId,
            PatentId = inquiry.PatentId,
            ListingId = inquiry.ListingId,
            InquiryId = inquiry.Id,
            OfferId = offer.Id,
            SessionId = inquiry.SessionId,
            Origin = inquiry.SessionId is null ? DealOrigin.InquiryRoom : DealOrigin.MatchmakingSession,
            Status = DealStatus.Draft,
            CreatedAt = now,
        };
    }
}
