using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Watch;

/// <summary>What one run did: patents looked at, alerts raised, patents the calendar lapsed.</summary>
public sealed record WatchRunResult(int Patents, int Alerts, int Lapses);

/// <summary>
/// Looks at every patent's calendar for <c>today</c>: raises each reminder not raised before, and lapses the patents
/// whose term is over or whose fee went unpaid past its grace period. Patents are read in batches by id, as plain
/// rows; only a patent with something to record is loaded as an aggregate, and each batch commits with the
/// reactions to what it raised (suspended listings, watchlisted loans, warnings), so a crash loses at most a batch,
/// which the next run redoes without raising anything twice.
/// </summary>
public sealed class WatchRun(MarketplaceDb db, TimeProvider clock, IOptions<WatchOptions> options)
{
    public async Task<WatchRunResult> RunAsync(DateOnly today, CancellationToken ct)
    {
        var (patents, alerts, lapses) = (0, 0, 0);
        Guid? after = null;
        while (true)
        {
            var batch = await Batch(after).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(p => p.PatentId).ToList();
            var watches = await db.PatentWatches.Where(w => ids.Contains(w.PatentId)).ToDictionaryAsync(w => w.PatentId, ct);
            var due = new List<(Guid PatentId, CalendarLapse Lapse)>();
            foreach (var patent in batch)
            {
                var known = watches.TryGetValue(patent.PatentId, out var watch);
                watch ??= PatentWatch.Start(patent.PatentId);
                if (watch.Review(patent, today) is { } lapse) due.Add((patent.PatentId, lapse));
                alerts += watch.DomainEvents.Count;
                // A row is kept only for patents the watch has said something about.
                if (!known && watch.DomainEvents.Count > 0) db.PatentWatches.Add(watch);
            }
            lapses += await LapseAsync(due, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            patents += batch.Count;
            after = ids[^1];
        }
        return new WatchRunResult(patents, alerts, lapses);
    }

    private IQueryable<WatchedPatent> Batch(Guid? after) =>
        db.Patents.AsNoTracking().Where(p => after == null || p.Id.CompareTo(after.Value) > 0).OrderBy(p => p.Id).Take(options.Value.BatchSize)
            .Select(p => new WatchedPatent(p.Id, p.Type, p.FilingDate, p.TermCompensationDays, p.LegalStatus, p.GrantDate != null, p.FeesPaidThrough));

    private async Task<int> LapseAsync(List<(Guid PatentId, CalendarLapse Lapse)> due, CancellationToken ct)
    {
        if (due.Count == 0) return 0;
        var ids = due.Select(d => d.PatentId).ToList();
        var patents = await db.Patents.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var now = clock.GetUtcNow();
        var lapsed = 0;
        foreach (var (id, lapse) in due)
        {
            if (!patents[id].Lapse(lapse.On, lapse.Reason, now)) continue;
            lapsed++;
            db.LegalStatusEvents.Add(new LegalStatusEvent
            {
                PatentId = id, On = lapse.On, Status = lapse.Reason, Reading = LegalStatus.Lapsed, Outcome = LegalEventOutcome.Applied,
                Source = LegalStatusSources.Calendar, RecordedAt = now,
            });
        }
        return lapsed;
    }
}
