using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Matchmaking;

namespace Marketplace.Web.Features.Needs;

public sealed record NeedRequest([property: RequiredField("Need")] NeedDetails? Details, uint? Version);

public sealed record NeedResponse(
    Guid Id, NeedStatus Status, NeedDetails Details, string? ReviewComment, Guid OrganizationId, string OrganizationNameZh,
    string? OrganizationNameEn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, uint Version);

/// <summary>A listing recommended for a need (or a need for a listing), with the score and its reasons.</summary>
public sealed record MatchResponse(
    Guid NeedId, string NeedTitle, Guid ListingId, Guid PatentId, string PatentTitleZh, string? PatentTitleEn, string OwnerNameZh,
    string? OwnerNameEn, string? EnterpriseNameZh, int Score, IReadOnlyList<MatchReason> Reasons, IReadOnlyList<string> Explanation,
    DateTimeOffset ComputedAt);

public sealed record UnmatchedResponse(IReadOnlyList<NeedResponse> Needs, IReadOnlyList<UnmatchedListing> SleepingListings);

public sealed record UnmatchedListing(Guid ListingId, string ApplicationNumber, string TitleZh, string? TitleEn, string OwnerNameZh, DateTimeOffset? PublishedAt);
