using Marketplace.Domain.Common;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Patents;

/// <summary>A pledge registered with CNIPA through the platform puts the pledged patents to use, as a recorded deal
/// does: a patent that secured a loan is no longer sleeping (the import reads the same from a register's 质押 entry).</summary>
public sealed class UseOnPledgeRegistered(MarketplaceDb db, TimeProvider clock) : IDomainEventHandler<PledgeStepTaken>
{
    public async Task HandleAsync(PledgeStepTaken step, CancellationToken ct)
    {
        if (step.To != PledgeStatus.PledgeRegistered || step.From == PledgeStatus.PledgeRegistered) return;
        var patentIds = await db.PledgeApplications.Where(a => a.Id == step.ApplicationId).Select(a => a.PatentIds).SingleAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var patent in await db.Patents.Where(p => patentIds.Contains(p.Id)).ToListAsync(ct))
            patent.MarkPutToUse(BusinessCalendar.ChinaDate(now), now);
    }
}
