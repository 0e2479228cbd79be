using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Web.Features.Inquiries;

/// <summary><paramref name="SessionId"/> ties the inquiry to a matchmaking session in which the listing was pitched.</summary>
public sealed record OpenInquiryRequest([property: RequiredField("Listing")] Guid? ListingId, string? Subject, string? Message, Guid? NeedId, Guid? SessionId = null);

/// <summary>Takes an open licence on its published terms for the given number of months.</summary>
public sealed record OpenLicenceRequest([property: RequiredField("Listing")] Guid? ListingId, [property: RequiredField("Term (months)")] int? TermMonths, Guid? NeedId);

public sealed record OfferRequest([property: RequiredField("Terms")] OfferTerms? Terms, string? Note, uint? Version);

public sealed record OfferActionRequest(uint? Version);

public sealed record MessageRequest(string? Body);

public sealed record OfferResponse(
    Guid Id, int Number, Guid? CounterOfId, Guid ProposedByOrganizationId, OfferTerms Terms, decimal ContractAmount, string? Note,
    OfferStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

public sealed record InquiryResponse(
    Guid Id, Guid ListingId, Guid PatentId, string PatentTitleZh, string? PatentTitleEn, Guid OwnerOrganizationId, string OwnerNameZh,
    Guid EnterpriseOrganizationId, string EnterpriseNameZh, Guid? NeedId, Guid? SessionId, string Subject, InquiryStatus Status,
    IReadOnlyList<OfferResponse> Offers, Guid? DealId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version);

public sealed record MessageResponse(
    Guid Id, Guid AuthorOrganizationId, string AuthorName, string? Body, DateTimeOffset SentAt, AttachmentResponse? Attachment);

public sealed record AttachmentResponse(string Name, string ContentType, long Size, string Url);

/// <summary>What an accepted offer produced.</summary>
public sealed record AcceptedResponse(OfferResponse Offer, Guid DealId, InquiryResponse Inquiry);
