using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Organizations;

namespace Marketplace.Web.Features.Organizations;

public sealed record OrganizationResponse(
    Guid Id, string NameZh, string? NameEn, OrganizationType Type, string CreditCode,
    string ContactName, string ContactPhone, string ContactEmail,
    bool IsVerified, DateTimeOffset RegisteredAt, DateTimeOffset? VerifiedAt, uint Version);

/// <summary>The public card of a verified organisation: no contact details for anonymous readers.</summary>
public sealed record OrganizationSummary(Guid Id, string NameZh, string? NameEn, OrganizationType Type, bool IsVerified);

public sealed record RegisterOrganizationRequest(
    [property: RequiredField("Name (Chinese)"), MaxCharacters(200, "Name (Chinese)")] string NameZh,
    [property: MaxCharacters(200, "Name (English, optional)")] string? NameEn,
    [property: RequiredField("Organisation type")] OrganizationType? Type,
    [property: RequiredField("Unified social credit code")] string CreditCode,
    [property: RequiredField("Contact name"), MaxCharacters(100, "Contact name")] string ContactName,
    [property: RequiredField("Contact phone"), MaxCharacters(30, "Contact phone")] string ContactPhone,
    [property: RequiredField("Contact email"), EmailField("Contact email"), MaxCharacters(254, "Contact email")] string ContactEmail,
    [property: RequiredField("Email"), EmailField("Email"), MaxCharacters(254, "Email")] string Email,
    [property: RequiredField("Your name"), MaxCharacters(100, "Your name")] string DisplayName,
    [property: RequiredField("Password")] string Password);

public sealed record RegisteredResponse(OrganizationResponse Organization, Guid UserId, string Email);

public sealed record UpdateContactRequest(
    [property: RequiredField("Contact name"), MaxCharacters(100, "Contact name")] string ContactName,
    [property: RequiredField("Contact phone"), MaxCharacters(30, "Contact phone")] string ContactPhone,
    [property: RequiredField("Contact email"), EmailField("Contact email"), MaxCharacters(254, "Contact email")] string ContactEmail,
    [property: RequiredField("Version")] uint? Version);

public sealed record AddMemberRequest(
    [property: RequiredField("Email"), EmailField("Email"), MaxCharacters(254, "Email")] string Email,
    [property: RequiredField("Your name"), MaxCharacters(100, "Your name")] string DisplayName,
    [property: RequiredField("Role")] string Role,
    [property: RequiredField("Password")] string Password);

public sealed record MemberResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? DeactivatedAt);
