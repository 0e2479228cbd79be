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
        // Found among the tracked entities first: the application may be saved in this very transaction (the demo seed).
        var application = await db.PledgeApplications.FindAsync([step.ApplicationId], ct)
                          ?? throw new InvalidOperationException($"Pledge application {step.ApplicationId} raised a step but is not in the database.");
        var patentIds = application.PatentIds;
        var now = clock.GetUtcNow();
        foreach (var id in patentIds)
        {
            if (await db.Patents.FindAsync([id], ct) is not { } patent) continue;
            patent.MarkPutToUse(application.RegisteredOn ?? BusinessCalendar.ChinaDate(now), now);
        }
    }
}
