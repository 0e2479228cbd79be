using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Web.Features.Deals;

public sealed record SignRequest([property: RequiredField("Contract date")] DateOnly? ContractDate, string? RegistrationNumber, uint? Version);

public sealed record RecordRequest(string? RecordNumber, [property: RequiredField("Record date")] DateOnly? RecordDate, uint? Version);

public sealed record CancelRequest(string? Reason, uint? Version);

public sealed record VersionRequest(uint? Version);

public sealed record ScheduleRequest([property: RequiredField("Payment schedule")] IReadOnlyList<InstalmentPlan>? Instalments, uint? Version);

public enum ScheduleAnswer { Accepted, Rejected, Withdrawn }

/// <summary>A signed deal's proposed new schedule, waiting for the other party.</summary>
public sealed record ScheduleProposalResponse(Guid ProposedByOrganizationId, DateTimeOffset ProposedAt, IReadOnlyList<InstalmentPlan> Instalments);

public sealed record OffPlatformDealRequest(
    [property: RequiredField("Terms")] OfferTerms? Terms, [property: RequiredField("Seller")] Guid? SellerOrganizationId, [property: RequiredField("Buyer")] Guid? BuyerOrganizationId,
    [property: RequiredField("Patent")] Guid? PatentId);

public sealed record InstalmentResponse(
    Guid Id, int Number, InstalmentKind Kind, string Label, DateOnly DueDate, decimal Amount, decimal Paid, decimal Refunded,
    InstalmentStatus Status, PaymentMethod? Method, string? TransferReference, DateTimeOffset? ConfirmedAt, uint Version);

public sealed record DealResponse(
    Guid Id, DealStatus Status, DealCategory Category, OfferTerms Terms, decimal ContractAmount, decimal Received,
    Guid SellerOrganizationId, string SellerNameZh, Guid BuyerOrganizationId, string BuyerNameZh, Guid PatentId, string PatentTitleZh,
    string ApplicationNumber, DealOrigin Origin, Guid? InquiryId, Guid? SessionId, DateOnly? ContractDate, string? RegistrationNumber,
    bool SellerConfirmed, bool BuyerConfirmed, string? RecordNumber, DateOnly? RecordDate, string? CancellationReason,
    IReadOnlyList<InstalmentResponse> Instalments, ScheduleProposalResponse? ScheduleProposal, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version);
