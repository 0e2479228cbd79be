using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;

namespace Marketplace.Web.Features.Listings;

public sealed record ListingRequest(
    [property: RequiredField("Patent")] Guid? PatentId,
    [property: RequiredField("Terms")] ListingTerms? Terms,
    string? Description,
    uint? Version);

public sealed record UpdateListingRequest(
    [property: RequiredField("Terms")] ListingTerms? Terms,
    string? Description,
    [property: RequiredField("Version")] uint? Version);

/// <summary>Body of reject and rework: the park office says why.</summary>
public sealed record ModerationRequest(string? Reason, uint? Version);

public sealed record ListingPatent(
    Guid Id, string ApplicationNumber, PatentType Type, string TitleZh, string? TitleEn, string MainIpc,
    DateOnly TermEnd, int RemainingYears, int RemainingMonths, bool IsSleeping);

public sealed record ListingResponse(
    Guid Id, ListingStatus Status, IReadOnlyList<string> Modes, ListingTerms Terms, string? Description,
    string? RejectionReason, Guid OrganizationId, string OrganizationNameZh, string? OrganizationNameEn,
    ListingPatent Patent, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, uint Version);
