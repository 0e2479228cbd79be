using Marketplace.Domain.Organizations;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Notifications;

/// <summary>
/// Who is told, as people are found when the notice is written (a member who joins later does not get old notices):
/// the members of organisations (optionally only those in some roles), the park office, named people, or everyone in
/// verified organisations of some types. <paramref name="Except"/> leaves out an organisation (the one that acted).
/// </summary>
public sealed record NoticeAudience(
    IReadOnlyList<Guid> Organizations,
    IReadOnlyList<string>? Roles = null,
    bool ParkOffice = false,
    IReadOnlyList<Guid>? Users = null,
    IReadOnlyList<OrganizationType>? OrganizationTypes = null,
    Guid? Except = null)
{
    public static NoticeAudience Organization(Guid organizationId) => new([organizationId]);

    public static NoticeAudience Members(Guid organizationId, params string[] roles) => new([organizationId], roles);

    public static NoticeAudience ParkOfficeMembers { get; } = new([], ParkOffice: true);

    public static NoticeAudience Person(Guid userId) => new([], Users: [userId]);

    public static NoticeAudience AllOf(params OrganizationType[] types) => new([], OrganizationTypes: types);

    /// <summary>Everyone who may register for sessions: enterprises, offices, banks and service agencies.</summary>
    public static NoticeAudience SessionPublic { get; } = AllOf(Domain.Sessions.SessionRegistration.Eligible);

    internal static readonly string ParkAdminRole = Platform.Identity.Roles.ParkAdmin;
}
