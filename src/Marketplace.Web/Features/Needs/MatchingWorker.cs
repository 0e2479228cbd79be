using Marketplace.Domain.Common;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Platform;
using Marketplace.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Marketplace.Web.Features.Needs;

/// <summary>
/// Drains the matching outbox and expires needs whose deadline passed. A changed need is rematched; a changed
/// listing can enter or leave any need's results, so it rematches every open need. One instance works at a time
/// (a PostgreSQL advisory lock), so two instances never rewrite the same need's matches at once.
/// </summary>
public sealed class MatchingWorker(IServiceScopeFactory scopes, Matcher matcher, SearchIndexer indexer, IOptions<MatchingOptions> options,
    TimeProvider clock, ILogger<MatchingWorker> logger) : BackgroundService
{
    private const long MatchingLock = 0x4D415443; // "MATC"
    private const int BatchSize = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(RunOnceAsync, () => options.Value.PollInterval, clock, logger, "Matching", stoppingToken);

    /// <summary>One pass; returns how many needs were rematched, or -1 when another instance holds the lock.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await ExpireDueNeedsAsync(ct);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({MatchingLock}) AS \"Value\"").SingleAsync(ct))
                return -1;

            var now = clock.GetUtcNow();
            var caughtUp = indexer.CaughtUpAt == default ? DateTimeOffset.MinValue : indexer.CaughtUpAt - options.Value.CommitMargin;
            var cutoff = Max(caughtUp, now - options.Value.MaxIndexLag);
            var claimed = await ClaimAsync(db, cutoff, ct);
            if (claimed.Count == 0) return 0;

            var today = BusinessCalendar.ChinaDate(now);
            var needIds = claimed.Any(r => r.ListingId is not null)
                ? await db.Needs.Where(n => n.Status == NeedStatus.Open || claimed.Select(c => c.NeedId).Contains(n.Id)).Select(n => n.Id).ToListAsync(ct)
                : claimed.Where(r => r.NeedId is not null).Select(r => r.NeedId!.Value).Distinct().ToList();
            foreach (var need in await db.Needs.AsNoTracking().Where(n => needIds.Contains(n.Id)).ToListAsync(ct))
                await matcher.RematchAsync(db, need, today, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return needIds.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes and returns outbox rows old enough for the index to know the change.</summary>
    private static async Task<List<MatchRequest>> ClaimAsync(MarketplaceDb db, DateTimeOffset cutoff, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            "DELETE FROM match_requests WHERE id IN (SELECT id FROM match_requests WHERE requested_at <= @cutoff ORDER BY id LIMIT @batch FOR UPDATE SKIP LOCKED) " +
            "RETURNING need_id, listing_id", connection, (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("batch", BatchSize);
        var claimed = new List<MatchRequest>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            claimed.Add(new MatchRequest { NeedId = reader.IsDBNull(0) ? null : reader.GetGuid(0), ListingId = reader.IsDBNull(1) ? null : reader.GetGuid(1) });
        return claimed;
    }

    /// <summary>Stores the expiry the calendar already implies, audited; the save queues the need's rematch, which empties its matches.</summary>
    private async Task ExpireDueNeedsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var now = clock.GetUtcNow();
        var today = BusinessCalendar.ChinaDate(now);
        var due = await db.Needs.Where(n => n.Deadline < today &&
            (n.Status == NeedStatus.Open || n.Status == NeedStatus.PendingReview || n.Status == NeedStatus.Rework)).OrderBy(n => n.Deadline).Take(BatchSize).ToListAsync(ct);
        foreach (var need in due)
        {
            var before = need.Status.ToString();
            if (need.ExpireIfDue(today, now)) audit.Record(NeedService.AuditEntity, need.Id, "Expired", before, need.Status.ToString());
        }
        if (due.Count > 0) await db.SaveChangesAsync(ct);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
