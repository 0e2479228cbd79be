using System.Security.Claims;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// Who sees which application: the applicant organisation its own; a bank's staff those sent to their bank once
/// submitted; the park office all, read-only. Anything else is "not found", so ids of other banks' customers leak
/// nothing.
/// </summary>
public sealed class PledgeAccess(MarketplaceDb db)
{
    public static bool IsBankStaff(ClaimsPrincipal caller) => caller.IsInRole(Roles.BankOfficer) || caller.IsInRole(Roles.BankApprover);

    public IQueryable<PledgeApplication> Visible(ClaimsPrincipal caller)
    {
        var organizationId = caller.OrganizationId();
        if (caller.IsInRole(Roles.ParkAdmin)) return db.PledgeApplications;
        if (IsBankStaff(caller))
            return db.PledgeApplications.Where(a => a.BankOrganizationId == organizationId && a.Status != PledgeStatus.Draft);
        return db.PledgeApplications.Where(a => a.ApplicantOrganizationId == organizationId);
    }

    public async Task<PledgeApplication> FindVisibleAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) =>
        await Visible(caller).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Pledge application");

    /// <summary>For the applicant's own steps: draft edits, submit, answer, withdraw.</summary>
    public async Task<PledgeApplication> FindOwnAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        return await db.PledgeApplications.SingleOrDefaultAsync(a => a.Id == id && a.ApplicantOrganizationId == organizationId, ct)
               ?? throw new NotFoundException("Pledge application");
    }

    /// <summary>
    /// The approver deciding, as the database knows them now (a role removed or an account deactivated since the token
    /// was issued counts), with the account that created theirs for the four-eyes rule.
    /// </summary>
    public async Task<Checker> CheckerAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var userId = caller.UserId();
        var organizationId = caller.OrganizationId();
        var approver = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.Id == userId && u.OrganizationId == organizationId && u.DeactivatedAt == null && r.Name == Roles.BankApprover
                              select new { u.Id, u.CreatedByUserId }).SingleOrDefaultAsync(ct)
                       ?? throw new Domain.Common.ForbiddenActionException("decidedBy", "Only an active approver of the bank decides a loan.");
        return new Checker(approver.Id, approver.CreatedByUserId);
    }

    /// <summary>For the bank's steps: only staff of the application's own bank.</summary>
    public async Task<PledgeApplication> FindForBankAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        return await db.PledgeApplications.SingleOrDefaultAsync(
                   a => a.Id == id && a.BankOrganizationId == organizationId && a.Status != PledgeStatus.Draft, ct)
               ?? throw new NotFoundException("Pledge application");
    }
}
