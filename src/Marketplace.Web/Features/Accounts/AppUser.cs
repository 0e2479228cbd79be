using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>A person who signs in. Every user belongs to exactly one organisation.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid OrganizationId { get; set; }
    public string DisplayName { get; set; } = "";
}
