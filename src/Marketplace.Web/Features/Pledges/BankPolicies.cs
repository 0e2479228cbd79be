using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Organizations;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// A bank's own caps and minimum terms; applications are judged by the policy in force when checked. Its staff read
/// it; only its administrator — who is neither an officer nor an approver, so neither makes nor checks the loans it
/// governs — changes it, audited and told to the park office.
/// </summary>
public sealed class BankPolicies(MarketplaceDb db, AuditLog audit, TimeProvider clock, MemberService members, MembershipNotices notices)
{
    public const string AuditEntity = "BankPledgePolicy";

    public async Task<PolicyResponse> GetAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var bank = await OwnBankAsync(caller, ct);
        var row = await db.BankPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.BankOrganizationId == bank.Id, ct);
        return row is null ? new PolicyResponse(bank.Id, BankPledgePolicy.Default, true, 0) : new PolicyResponse(bank.Id, row.Policy, false, row.Version);
    }

    public async Task<PolicyResponse> SetAsync(ClaimsPrincipal caller, PolicyRequest request, CancellationToken ct)
    {
        var policy = request.ToPolicy().Validated();
        var bank = await OwnBankAsync(caller, ct);
        if (!await members.IsActiveAdministratorAsync(caller, ct))
            throw new ForbiddenActionException("role", "Only the bank's administrator changes its lending policy; officers and approvers do not.");
        var row = await db.BankPolicies.SingleOrDefaultAsync(p => p.BankOrganizationId == bank.Id, ct);
        if (row is null)
        {
            row = new BankPolicy { BankOrganizationId = bank.Id };
            db.BankPolicies.Add(row);
        }
        else Concurrency.ExpectVersion(row.Version, request.Version);
        var before = row.Policy;
        row.Policy = policy;
        row.UpdatedAt = clock.GetUtcNow();
        audit.Record(AuditEntity, bank.Id, "Updated", null, null, $"{before} → {policy}");
        await db.SaveChangesAsync(ct);
        await notices.PolicyChangedAsync(bank, AuditEntity);
        return new PolicyResponse(bank.Id, row.Policy, false, row.Version);
    }

    private async Task<Organization> OwnBankAsync(ClaimsPrincipal caller, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == caller.OrganizationId() && o.Type == OrganizationType.Bank, ct)
        ?? throw new ForbiddenActionException("organization", "Only a bank has a pledge lending policy.");
}
