using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Organizations;

/// <summary>
/// Who may act for an organisation. Only its administrators add and deactivate members; the park office may only
/// appoint or deactivate administrators (an organisation whose administrator left). Every change is audited on the
/// organisation and told to the park office. The caller's administration is read from the database, not the
/// sign-in ticket, so a deactivated administrator's still-valid token changes nothing.
/// </summary>
public sealed class MemberService(
    MarketplaceDb db, UserManager<AppUser> users, OrganizationService organizations, AuditLog audit, TimeProvider clock, MembershipNotices notices)
{
    public async Task<AppUser> AddAsync(ClaimsPrincipal caller, Guid organizationId, AddMemberRequest request, CancellationToken ct)
    {
        var organization = await FindAdministeredAsync(caller, organizationId, request.Role, ct);
        var assignable = Roles.AssignableFor(organization.Type);
        if (!assignable.Contains(request.Role))
            throw new DomainRuleException("role", new Text("Members of a {0} may hold: {1}.", organization.Type, string.Join(", ", assignable)));
        await using var transaction = await db.Database.BeginUnitOfWorkAsync(ct);
        var user = await organizations.CreateUserAsync(organization, request.Email, request.DisplayName, request.Password, [request.Role], caller.UserId());
        audit.Record(OrganizationService.AuditEntity, organization.Id, "MemberAdded", null, request.Role, user.Email);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await notices.MemberAddedAsync(organization, user.Email!, request.Role);
        return user;
    }

    /// <summary>The member can no longer sign in or refresh a token, and holds no role; the row stays for the audit log.</summary>
    public async Task DeactivateAsync(ClaimsPrincipal caller, Guid organizationId, Guid userId, CancellationToken ct)
    {
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganizationId == organizationId, ct)
                     ?? throw new NotFoundException("Member");
        var roles = await users.GetRolesAsync(member);
        var organization = await FindAdministeredAsync(caller, organizationId, roles.Contains(Roles.OrganizationAdmin) ? Roles.OrganizationAdmin : null, ct);
        if (member.Id == caller.UserId())
            throw new DomainRuleException("userId", "Administrators cannot deactivate themselves; another administrator must.");
        if (member.DeactivatedAt is not null) throw new DomainRuleException("userId", "This member is already deactivated.", isConflict: true);
        if (roles.Contains(Roles.OrganizationAdmin) && await ActiveAdministratorsAsync(organizationId, ct) <= 1)
            throw new DomainRuleException("userId", "An organisation keeps at least one administrator: appoint another one first.", isConflict: true);

        await using var transaction = await db.Database.BeginUnitOfWorkAsync(ct);
        member.DeactivatedAt = clock.GetUtcNow();
        member.LockoutEnabled = true;
        member.LockoutEnd = DateTimeOffset.MaxValue;
        OrganizationService.ThrowIfFailed(await users.RemoveFromRolesAsync(member, roles));
        // A new stamp ends the member's cookie sessions at their next check and refuses their refresh tokens.
        OrganizationService.ThrowIfFailed(await users.UpdateSecurityStampAsync(member));
        audit.Record(OrganizationService.AuditEntity, organization.Id, "MemberDeactivated", string.Join(",", roles), null, member.Email);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await notices.MemberDeactivatedAsync(organization, member.Email!);
    }

    /// <summary>
    /// The organisation if the caller administers it (or is the park office acting on an administrator); a member who
    /// does not administer it is refused (403), anyone else told it does not exist (404).
    /// </summary>
    private async Task<Organization> FindAdministeredAsync(ClaimsPrincipal caller, Guid organizationId, string? role, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        var own = caller.OrganizationId() == organizationId;
        var parkOffice = caller.IsInRole(Roles.ParkAdmin) && role == Roles.OrganizationAdmin;
        if (organization is null || (!own && !parkOffice && !caller.IsInRole(Roles.ParkAdmin))) throw new NotFoundException("Organisation");
        if (parkOffice) return organization;
        if (own && await IsActiveAdministratorAsync(caller, ct)) return organization;
        throw new ForbiddenActionException("role", caller.IsInRole(Roles.ParkAdmin) && !own
            ? "The park office appoints or deactivates an organisation's administrators; its administrators manage the other members."
            : "Only the organisation's administrator manages its members.");
    }

    /// <summary>Whether the caller administers their organisation now, by the database rather than the ticket.</summary>
    public async Task<bool> IsActiveAdministratorAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var user = caller.UserId() is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        return user is { DeactivatedAt: null } && await users.IsInRoleAsync(user, Roles.OrganizationAdmin);
    }

    private Task<int> ActiveAdministratorsAsync(Guid organizationId, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.OrganizationAdmin && u.OrganizationId == organizationId && u.DeactivatedAt == null
         select u.Id).CountAsync(ct);
}
