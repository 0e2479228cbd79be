using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Marketplace.Web.Platform.Audit;

namespace Marketplace.Web.Features.Pledges;

/// <summary>A lapsed patent secures nothing: every loan (or pending application) it secures goes on its bank's
/// watchlist with the reason, in the transaction that records the lapse; a restoration resolves the entries.</summary>
public sealed class WatchlistOnLapse(MarketplaceDb db, AuditLog audit, TimeProvider clock)
    : IDomainEventHandler<PatentLapsed>, IDomainEventHandler<PatentRestored>
{
    public async Task HandleAsync(PatentLapsed lapsed, CancellationToken ct)
    {
        var loans = await db.PledgeApplications
            .Where(a => WatchlistEntry.Watched.Contains(a.Status) && a.PatentIds.Contains(lapsed.PatentId)).ToListAsync(ct);
        var watched = await db.WatchlistEntries.Where(e => e.PatentId == lapsed.PatentId && e.ResolvedOn == null)
            .Select(e => e.PledgeApplicationId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var loan in loans.Where(l => !watched.Contains(l.Id)))
        {
            db.WatchlistEntries.Add(WatchlistEntry.Open(loan, lapsed.PatentId, WatchReason.PatentLapsed, lapsed.Reason, lapsed.On, now));
            audit.Record(PledgeService.AuditEntity, loan.Id, "Watchlisted", loan.Status.ToString(), loan.Status.ToString(),
                $"patent {lapsed.PatentId} lapsed {lapsed.On:yyyy-MM-dd}: {lapsed.Reason}");
        }
    }

    public async Task HandleAsync(PatentRestored restored, CancellationToken ct)
    {
        foreach (var entry in await db.WatchlistEntries.Where(e => e.PatentId == restored.PatentId && e.ResolvedOn == null).ToListAsync(ct))
        {
            entry.Resolve(restored.On);
            audit.Record(PledgeService.AuditEntity, entry.PledgeApplicationId, "WatchResolved", null, null,
                $"patent {restored.PatentId} restored {restored.On:yyyy-MM-dd}");
        }
    }
}
