using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Pledges;

/// <summary>A bank's own caps and minimum terms, set by its approvers; applications are judged by the policy in force when checked.</summary>
public sealed class BankPolicies(MarketplaceDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<PolicyResponse> GetAsync(Guid bankId, CancellationToken ct)
    {
        var row = await db.BankPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.BankOrganizationId == bankId, ct);
        return row is null ? new PolicyResponse(bankId, BankPledgePolicy.Default, true, 0) : new PolicyResponse(bankId, row.Policy, false, row.Version);
    }

    public async Task<PolicyResponse> SetAsync(Guid bankId, PolicyRequest request, CancellationToken ct)
    {
        var policy = request.ToPolicy().Validated();
        var row = await db.BankPolicies.SingleOrDefaultAsync(p => p.BankOrganizationId == bankId, ct);
        if (row is null)
        {
            row = new BankPolicy { BankOrganizationId = bankId };
            db.BankPolicies.Add(row);
        }
        else Concurrency.ExpectVersion(row.Version, request.Version);
        var before = row.Policy;
        row.Policy = policy;
        row.UpdatedAt = clock.GetUtcNow();
        audit.Record("BankPledgePolicy", bankId, "Updated", null, null, $"{before} → {policy}");
        await db.SaveChangesAsync(ct);
        return new PolicyResponse(bankId, row.Policy, false, row.Version);
    }
}
