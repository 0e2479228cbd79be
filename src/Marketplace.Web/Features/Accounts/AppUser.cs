using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>A person who signs in. Every user belongs to exactly one organisation.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid OrganizationId { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>The administrator who added this member; null for a founder or a provisioned account. A loan's maker
    /// may not check it through an account they created (the pledge four-eyes rule reads this).</summary>
    public Guid? CreatedByUserId { get; set; }

    /// <summary>When an administrator took the member's access away; the row stays, since the audit log names it.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
