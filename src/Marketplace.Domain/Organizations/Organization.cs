using Marketplace.Domain.Common;

namespace Marketplace.Domain.Organizations;

/// <summary>
/// A party on the marketplace: a university's tech-transfer office, an enterprise, a bank, a service agency or
/// the park office. It is registered unverified; only the park office can verify it, and only verified
/// organisations may list, sign or borrow.
/// </summary>
public sealed class Organization
{
    public Guid Id { get; private set; }
    public string NameZh { get; private set; } = "";
    public string? NameEn { get; private set; }
    public OrganizationType Type { get; private set; }
    public string CreditCode { get; private set; } = "";
    public OrganizationContact Contact { get; private set; } = new("", "", "");
    public bool IsVerified { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }

    /// <summary>PostgreSQL's xmin, used as the optimistic-concurrency token.</summary>
    public uint Version { get; private set; }

    private Organization() { }

    public static Organization Register(
        string nameZh, string? nameEn, OrganizationType type, string creditCode, OrganizationContact contact,
        DateTimeOffset now)
    {
        if (type == OrganizationType.ParkOffice)
            throw new DomainRuleException("type", "The park office cannot be registered by self-service.");
        return Create(nameZh, nameEn, type, creditCode, contact, now);
    }

    /// <summary>Creates an organisation of any type, including the park office; used by provisioning only.</summary>
    public static Organization Create(
        string nameZh, string? nameEn, OrganizationType type, string creditCode, OrganizationContact contact,
        DateTimeOffset now)
    {
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(now),
            NameZh = RequireName(nameZh, "nameZh"),
            NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : RequireName(nameEn, "nameEn"),
            Type = type,
            CreditCode = UnifiedSocialCreditCode.Parse(creditCode).Value,
            Contact = contact.Validated(),
            RegisteredAt = now,
        };
        return organization;
    }

    public void Verify(DateTimeOffset now)
    {
        if (IsVerified)
            throw new DomainRuleException("isVerified", "This organisation is already verified.", isConflict: true);
        IsVerified = true;
        VerifiedAt = now;
    }

    public void UpdateContact(OrganizationContact contact) => Contact = contact.Validated();

    public string State => IsVerified ? "Verified" : "Unverified";

    private static string RequireName(string? name, string field)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
            throw new DomainRuleException(field, "A name of 1 to 200 characters is required.");
        return trimmed;
    }
}
