using Marketplace.Domain.Organizations;

namespace Marketplace.Web.Features.Accounts;

public static class Roles
{
    public const string Enterprise = "Enterprise";
    public const string TechTransferOffice = "TechTransferOffice";
    public const string BankOfficer = "BankOfficer";
    public const string BankApprover = "BankApprover";
    public const string ParkAdmin = "ParkAdmin";

    /// <summary>Manages its organisation's members (and a bank's lending policy). In a bank it is held alone, so the
    /// person who chooses the makers and checkers is never one of them.</summary>
    public const string OrganizationAdmin = "OrganizationAdmin";

    /// <summary>In the order their fixed ids were seeded: a new role goes at the end.</summary>
    public static readonly string[] All = [Enterprise, TechTransferOffice, BankOfficer, BankApprover, ParkAdmin, OrganizationAdmin];

    /// <summary>The working roles a member of an organisation of this type may hold.</summary>
    public static IReadOnlyList<string> AllowedFor(OrganizationType type) => type switch
    {
        OrganizationType.University => [TechTransferOffice],
        OrganizationType.Enterprise => [Enterprise],
        OrganizationType.Bank => [BankOfficer, BankApprover],
        OrganizationType.ParkOffice => [ParkAdmin],
        _ => [],
    };

    /// <summary>What an administrator may give a new member: a working role, or administration.</summary>
    public static IReadOnlyList<string> AssignableFor(OrganizationType type) => [.. AllowedFor(type), OrganizationAdmin];

    /// <summary>
    /// The self-registered founder administers the organisation; outside a bank they also work in it (a small firm has
    /// one person). A bank's founder only administers: its officers and approvers are added by them.
    /// </summary>
    public static IReadOnlyList<string> FounderRoles(OrganizationType type) =>
        type == OrganizationType.Bank ? [OrganizationAdmin] : [.. AllowedFor(type).Take(1), OrganizationAdmin];

    public static bool IsBankRole(IEnumerable<string> roles) => roles.Any(r => r is BankOfficer or BankApprover);
}
