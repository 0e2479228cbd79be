using System.ComponentModel.DataAnnotations;
using Marketplace.Domain.Organizations;

namespace Marketplace.Web.Features.Organizations;

public sealed record OrganizationResponse(
    Guid Id, string NameZh, string? NameEn, OrganizationType Type, string CreditCode,
    string ContactName, string ContactPhone, string ContactEmail,
    bool IsVerified, DateTimeOffset RegisteredAt, DateTimeOffset? VerifiedAt, uint Version);

/// <summary>The public card of a verified organisation: no contact details for anonymous readers.</summary>
public sealed record OrganizationSummary(Guid Id, string NameZh, string? NameEn, OrganizationType Type, bool IsVerified);

public sealed record RegisterOrganizationRequest(
    [property: Required, StringLength(200)] string NameZh,
    [property: StringLength(200)] string? NameEn,
    [property: Required] OrganizationType? Type,
    [property: Required, StringLength(18, MinimumLength = 18)] string CreditCode,
    [property: Required, StringLength(100)] string ContactName,
    [property: Required, StringLength(30)] string ContactPhone,
    [property: Required, EmailAddress, StringLength(254)] string ContactEmail,
    [property: Required, EmailAddress, StringLength(254)] string Email,
    [property: Required, StringLength(100)] string DisplayName,
    [property: Required] string Password);

public sealed record RegisteredResponse(OrganizationResponse Organization, Guid UserId, string Email);

public sealed record UpdateContactRequest(
    [property: Required, StringLength(100)] string ContactName,
    [property: Required, StringLength(30)] string ContactPhone,
    [property: Required, EmailAddress, StringLength(254)] string ContactEmail,
    [property: Required] uint? Version);

public sealed record AddMemberRequest(
    [property: Required, EmailAddress, StringLength(254)] string Email,
    [property: Required, StringLength(100)] string DisplayName,
    [property: Required] string Role,
    [property: Required] string Password);

public sealed record MemberResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? DeactivatedAt);
