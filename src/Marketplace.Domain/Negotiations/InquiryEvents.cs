using Marketplace.Domain.Common;

namespace Marketplace.Domain.Negotiations;

/// <summary>An enterprise opened a negotiation room on a listing; the listing's organisation is to hear of it.</summary>
public sealed record InquiryOpened(Guid InquiryId, Guid OwnerOrganizationId, Guid EnterpriseOrganizationId, string Subject) : IDomainEvent;

/// <summary>A party posted a message (or only a file, then <paramref name="Preview"/> is null) for the other party.</summary>
public sealed record InquiryMessagePosted(Guid InquiryId, Guid AuthorOrganizationId, Guid RecipientOrganizationId, string? Preview) : IDomainEvent;

/// <summary>An offer was made (<see cref="OfferStatus.Open"/>) or answered (accepted, rejected, withdrawn) by
/// <paramref name="ActorOrganizationId"/>; the other party is to hear of it.</summary>
public sealed record OfferMoved(Guid InquiryId, Guid OfferId, int Number, OfferStatus Status, Guid ActorOrganizationId, Guid RecipientOrganizationId) : IDomainEvent
{
    public bool IsAnswer => Status != OfferStatus.Open;
}
