using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// Applies the Stripe events the webhook stored. Each event is claimed with <c>FOR UPDATE SKIP LOCKED</c> in the
/// transaction that applies it and marks it applied, so any number of instances (and lanes within one) share the
/// inbox, and a crash mid-way leaves the event to be applied again: applying converges on Stripe's current state,
/// so a second application changes nothing. An event that fails (Stripe unreachable) is retried later with a
/// growing pause, without holding up the events behind it.
/// </summary>
public sealed class StripeInbox(IServiceScopeFactory scopes, IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeInbox> logger)
    : BackgroundService
{
    private readonly Wakeup _wakeup = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Called by the webhook after it stored an event, so this instance applies it at once.</summary>
    public void Wake() => _wakeup.Set();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.ApplyEvents
        ? PollingLoop.RunAsync(RunOnceAsync, () => options.Value.InboxPollInterval, clock, logger, "Stripe inbox", stoppingToken, _wakeup)
        : Task.CompletedTask;

    /// <summary>Applies every event that is due; returns how many were applied. Waits for a pass already running here,
    /// so when it returns, every event stored before the call has been applied or has failed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var lanes = await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.InboxLanes)).Select(_ => DrainAsync(ct)));
            return lanes.Sum();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> DrainAsync(CancellationToken ct)
    {
        var applied = 0;
        while (await ApplyNextAsync(ct) is { } outcome)
            if (outcome) applied++;
        return applied;
    }

    /// <summary>Claims and applies the oldest due event: true when applied, false when it failed (and was postponed, so a
    /// pass never meets it twice), null when none is due.</summary>
    private async Task<bool?> ApplyNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = await db.StripeEvents.FromSqlInterpolated($"""
            SELECT * FROM stripe_events WHERE applied_at IS NULL AND not_before <= {now}
            ORDER BY not_before LIMIT 1 FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (claimed is not [var stripeEvent]) return null;
        try
        {
            // Applying reads the intent's state from Stripe after this moment, so it covers every event about the
            // same intent received up to now: those are settled with it instead of fetching the same state again.
            var asOf = clock.GetUtcNow();
            stripeEvent.Outcome = await scope.ServiceProvider.GetRequiredService<StripeEventApplier>()
                .ApplyAsync(stripeEvent.Id, stripeEvent.Type, stripeEvent.PaymentIntentId!, ct);
            stripeEvent.AppliedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await SettleCoveredAsync(db, stripeEvent, asOf, ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            await transaction.RollbackAsync(ct);
            await PostponeAsync(stripeEvent, e, ct);
            return false;
        }
    }

    /// <summary>Marks the pending events about the same intent received by <paramref name="asOf"/> as settled. Rows another
    /// lane holds are skipped (waiting for them could deadlock on the deal's lock); that lane applies them itself.</summary>
    private Task<int> SettleCoveredAsync(MarketplaceDb db, StripeEventRecord applied, DateTimeOffset asOf, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE stripe_events SET applied_at = {applied.AppliedAt}, outcome = {"settled with " + applied.Id}
            WHERE id IN (SELECT id FROM stripe_events WHERE payment_intent_id = {applied.PaymentIntentId} AND applied_at IS NULL
                         AND received_at <= {asOf} FOR UPDATE SKIP LOCKED)
            """, ct);

    /// <summary>Records the failure and pushes the event back (2 s, 4 s, … up to an hour) so the next ones go first.</summary>
    private async Task PostponeAsync(StripeEventRecord stripeEvent, Exception e, CancellationToken ct)
    {
        var attempts = stripeEvent.Attempts + 1;
        var retryAt = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, attempts)));
        var error = $"{e.GetType().Name}: {e.Message}";
        if (error.Length > 500) error = error[..500];
        logger.LogWarning(e, "Stripe event {Event} ({Type}) failed to apply ({Attempts} attempts); retrying at {RetryAt}",
            stripeEvent.Id, stripeEvent.Type, attempts, retryAt);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        await db.StripeEvents.Where(s => s.Id == stripeEvent.Id && s.AppliedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NotBefore, retryAt).SetProperty(x => x.LastError, error), ct);
    }
}
