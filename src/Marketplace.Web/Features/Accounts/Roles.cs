using Marketplace.Domain.Organizations;

namespace Marketplace.Web.Features.Accounts;

public static class Roles
{
    public const string Enterprise = "Enterprise";
    public const string TechTransferOffice = "TechTransferOffice";
    public const string BankOfficer = "BankOfficer";
    public const string BankApprover = "BankApprover";
    public const string ParkAdmin = "ParkAdmin";

    public static readonly string[] All = [Enterprise, TechTransferOffice, BankOfficer, BankApprover, ParkAdmin];

    /// <summary>The roles a member of an organisation of this type may hold; the first is given on self-registration.</summary>
    public static IReadOnlyList<string> AllowedFor(OrganizationType type) => type switch
    {
        OrganizationType.University => [TechTransferOffice],
        OrganizationType.Enterprise => [Enterprise],
        OrganizationType.Bank => [BankOfficer, BankApprover],
        OrganizationType.ParkOffice => [ParkAdmin],
        _ => [],
    };

    public static bool IsBankRole(IEnumerable<string> roles) => roles.Any(r => r is BankOfficer or BankApprover);
}
