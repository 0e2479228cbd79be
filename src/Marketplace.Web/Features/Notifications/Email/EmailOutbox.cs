using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Web.Features.Notifications.Email;

/// <summary>
/// Sends the e-mail outbox after the commit, on every instance. A pass claims due rows with <c>FOR UPDATE SKIP
/// LOCKED</c> and leases them (so instances share the work and never take the same row at once), sends them, and marks
/// each sent — or, when the server refused or did not answer, pushes it back with a doubling pause. A sender that dies
/// between the server's acceptance and the mark leaves its lease to run out; the row is then sent again under the same
/// Message-ID, which the receiver dedupes (the database mailbox by its key). ADR 0018 says why.
/// </summary>
public sealed class EmailOutbox(IServiceScopeFactory scopes, IMailTransport transport, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<EmailOutbox> logger) : BackgroundService
{
    private readonly Wakeup _wakeup = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    public void Wake() => _wakeup.Set();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await RunOnceAsync(ct), () => options.Value.PollInterval, clock, logger, "E-mail outbox", stoppingToken, _wakeup);

    /// <summary>Sends everything due; returns how many were sent. Waits for a pass already running on this instance.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var sent = 0;
            while (await ClaimAsync(ct) is { Count: > 0 } batch) sent += await SendAsync(batch, ct);
            if (clock.GetUtcNow() - _prunedAt >= PruneEvery) await PruneAsync(ct);
            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes what was sent longer than <see cref="EmailOptions.KeepSent"/> ago, at most hourly per instance;
    /// several instances pruning at once delete the same rows, which is harmless. Returns how many outbox rows went.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var before = clock.GetUtcNow() - options.Value.KeepSent;
        var deleted = await db.OutgoingEmails.Where(e => e.SentAt != null && e.SentAt < before).ExecuteDeleteAsync(ct);
        await db.MailboxMessages.Where(m => m.StoredAt < before).ExecuteDeleteAsync(ct);
        _prunedAt = clock.GetUtcNow();
        return deleted;
    }

    private async Task<List<OutgoingEmail>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var now = clock.GetUtcNow();
        var until = now + options.Value.Lease;
        return await db.OutgoingEmails.FromSqlInterpolated($"""
            UPDATE outgoing_emails SET claimed_until = {until}, attempts = attempts + 1
            WHERE id IN (SELECT id FROM outgoing_emails
                         WHERE sent_at IS NULL AND not_before <= {now} AND (claimed_until IS NULL OR claimed_until < {now})
                         ORDER BY not_before LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
    }

    private async Task<int> SendAsync(List<OutgoingEmail> batch, CancellationToken ct)
    {
        var messages = new List<(OutgoingEmail Row, MimeMessage Message)>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
            foreach (var row in batch)
            {
                if (await composer.ComposeAsync(row, ct) is { } message) messages.Add((row, message));
                else await MarkAsync(row, sent: true, "nobody to write to", ct);
            }
        }
        if (messages.Count == 0) return 0;
        var results = await transport.SendAsync(messages.Select(m => m.Message).ToList(), ct);
        var sent = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var (row, _) = messages[i];
            if (results[i] is { } failure)
            {
                logger.LogWarning(failure, "E-mail {Id} ({Kind}) was not accepted (attempt {Attempts})", row.Id, row.Kind, row.Attempts);
                await MarkAsync(row, sent: false, $"{failure.GetType().Name}: {failure.Message}", ct);
            }
            else
            {
                await MarkAsync(row, sent: true, null, ct);
                sent++;
            }
        }
        return sent;
    }

    private async Task MarkAsync(OutgoingEmail row, bool sent, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var now = clock.GetUtcNow();
        if (error?.Length > 500) error = error[..500];
        if (sent)
        {
            await db.OutgoingEmails.Where(e => e.Id == row.Id).ExecuteUpdateAsync(e => e
                .SetProperty(x => x.SentAt, now).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null).SetProperty(x => x.LastError, error), CancellationToken.None);
            return;
        }
        var pause = TimeSpan.FromTicks(Math.Min(options.Value.MaxBackoff.Ticks, options.Value.FirstBackoff.Ticks * (1L << Math.Min(20, row.Attempts - 1))));
        await db.OutgoingEmails.Where(e => e.Id == row.Id && e.SentAt == null).ExecuteUpdateAsync(e => e
            .SetProperty(x => x.NotBefore, now + pause).SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null).SetProperty(x => x.LastError, error), CancellationToken.None);
    }
}
