using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Lucene (embedded, default) or Elasticsearch; several instances share one Elasticsearch cluster.</summary>
    [Platform.DeploymentSetting] public string Engine { get; set; } = "Lucene";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 500;
    public bool IsShared => Engine.Equals("Elasticsearch", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Keeps the index true to the database by following the change feed. An embedded index belongs to its instance,
/// so every instance runs its own indexer; a shared Elasticsearch index is fed by one instance at a time, chosen by
/// a PostgreSQL advisory lock. The checkpoint is "horizon;china-date": when the date changes, remaining terms and
/// sleeping flags have moved, so the index is rebuilt (nightly, in effect). Failures back off and retry.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, ISearchEngine engine, IOptions<SearchOptions> options, TimeProvider clock,
    ILogger<SearchIndexer> logger, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache) : BackgroundService
{
    private const long SharedIndexLock = 0x53524348; // "SRCH"
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _rebuildRequested;

    public void RequestRebuild() => _rebuildRequested = true;

    /// <summary>Every change committed before this moment is in this instance's index (matching waits for it).</summary>
    public DateTimeOffset CaughtUpAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _rebuildRequested = !await engine.EnsureIndexAsync(stoppingToken);
        await PollingLoop.RunAsync(RunOnceAsync, () => options.Value.PollInterval, clock, logger, "Search indexing", stoppingToken);
    }

    /// <summary>One pass over the feed. Returns false when another instance holds the shared index.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var feed = scope.ServiceProvider.GetRequiredService<SearchFeed>();
            await using var transaction = options.Value.IsShared ? await db.Database.BeginTransactionAsync(ct) : null;
            if (transaction is not null &&
                !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SharedIndexLock}) AS \"Value\"").SingleAsync(ct))
                return false;

            var today = BusinessCalendar.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var started = clock.GetUtcNow();
            var horizon = await feed.HorizonAsync(ct);
            var (from, day) = Parse(await engine.CheckpointAsync(ct));
            if (_rebuildRequested || from is null || day != today)
            {
                await RebuildAsync(feed, horizon, today, ct);
                await cache.EvictByTagAsync(SearchFeature.SearchCacheTag, ct);
                // Any index older than a day rebuilds instead of reading the feed, so older rows are never read again.
                await db.SearchChanges.Where(c => c.At < clock.GetUtcNow().AddDays(-2)).ExecuteDeleteAsync(ct);
                _rebuildRequested = false;
                CaughtUpAt = started;
                return true;
            }
            if (from >= horizon)
            {
                CaughtUpAt = started;
                return true;
            }
            var changed = await feed.ChangedListingsAsync(from.Value, horizon, ct);
            foreach (var batch in changed.Chunk(options.Value.BatchSize))
            {
                var (published, removed) = await feed.DocumentsAsync(batch, ct);
                await engine.ApplyAsync(published, removed, Format(from.Value, today), ct);
            }
            await engine.ApplyAsync([], [], Format(horizon, today), ct);
            if (changed.Count > 0) await cache.EvictByTagAsync(SearchFeature.SearchCacheTag, ct);
            CaughtUpAt = started;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Everything from scratch. The horizon is taken before reading, so changes made meanwhile are
    /// applied again by the next pass.</summary>
    private async Task RebuildAsync(SearchFeed feed, ulong horizon, string today, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await engine.ClearAsync(ct);
        var count = 0;
        await foreach (var batch in feed.AllPublishedAsync(options.Value.BatchSize, ct))
        {
            await engine.ApplyAsync(batch, [], Format(0, today), ct);
            count += batch.Count;
        }
        await engine.ApplyAsync([], [], Format(horizon, today), ct);
        logger.LogInformation("Search index rebuilt: {Count} listings in {Elapsed}", count, clock.GetElapsedTime(started));
    }

    private static string Format(ulong horizon, string day) => $"{horizon};{day}";

    private static (ulong? From, string? Day) Parse(string? checkpoint)
    {
        var parts = checkpoint?.Split(';');
        return parts is [var h, var d] && ulong.TryParse(h, out var horizon) && horizon > 0 ? (horizon, d) : (null, null);
    }
}
