using System.Threading.Channels;
using Marketplace.Web.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// Stores received Stripe events in batches: events that arrive while a write is in flight go together in the next
/// multi-row insert, one statement and one commit for all of them (a group commit). A lone event is written at once,
/// so this adds no wait at low load; under a burst of deliveries it saves a round trip and a commit per event.
/// Each caller learns whether its event was new, and only after the commit, so an acknowledged event is stored.
/// </summary>
public sealed class StripeEventWriter(IConfiguration configuration, IOptions<DatabaseOptions> database, ILogger<StripeEventWriter> logger) : BackgroundService
{
    // The writers' own small pool (the app's connection settings: no session reset when a connection goes back):
    // no scope or pooled context per batch, so its prepared insert is all a batch sends.
    private NpgsqlDataSource? _source;

    private const int MaxBatch = 100;
    private const int Writers = 2;

    private const string Insert = """
        INSERT INTO stripe_events (id, type, payment_intent_id, received_at, applied_at, outcome, attempts, not_before)
        SELECT id, type, intent, received, applied, outcome, 0, received FROM unnest($1, $2, $3, $4, $5, $6) AS e(id, type, intent, received, applied, outcome)
        ON CONFLICT (id) DO NOTHING RETURNING id
        """;

    private sealed record Pending(StripeEventRecord Event, TaskCompletionSource<bool> Stored);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });

    /// <summary>True when the event was stored now, false when its id was already there (a repeated delivery).</summary>
    public async Task<bool> StoreAsync(StripeEventRecord stripeEvent, CancellationToken ct)
    {
        var pending = new Pending(stripeEvent, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The application is stopping.");
        // The write goes ahead even if this caller gives up; Stripe's retry then finds the event stored.
        return await pending.Stored.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => WriteLoopAsync(stoppingToken)));
        // Stopping (the server has already drained its requests): refuse new deliveries, release any still waiting.
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left)) left.Stored.TrySetCanceled(stoppingToken);
    }

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
                if (batch.Count == 0) continue;
                try
                {
                    var fresh = await InsertAsync(batch, stoppingToken);
                    // Two deliveries of one event in one batch: the first is the one stored, the other a duplicate.
                    foreach (var p in batch) p.Stored.TrySetResult(fresh.Remove(p.Event.Id));
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Storing {Count} Stripe events failed; their deliveries are answered with an error and Stripe retries", batch.Count);
                    foreach (var p in batch) p.Stored.TrySetException(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var p in batch) p.Stored.TrySetCanceled(stoppingToken);
        }
    }

    private async Task<HashSet<string>> InsertAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var connection = await Source().OpenConnectionAsync(ct);
        // One statement text whatever the batch size (arrays, not a VALUES row per event), so it is prepared once
        // per connection and PostgreSQL skips parsing and planning it on every later batch.
        await using var command = new NpgsqlCommand(Insert, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Event.Id)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Event.Type)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. batch.Select(p => p.Event.PaymentIntentId)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. batch.Select(p => p.Event.ReceivedAt)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]> { TypedValue = [.. batch.Select(p => p.Event.AppliedAt)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Event.Outcome)] });
        // Not where prepared statements are turned off (a transaction-mode pooler that cannot keep them).
        if (database.Value.PreparedStatements > 0) await command.PrepareAsync(ct);
        var fresh = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) fresh.Add(reader.GetString(0));
        return fresh;
    }

    private NpgsqlDataSource Source()
    {
        if (_source is not null) return _source;
        // The configured string, as the app's context is built from (the context's own data source hides the password).
        var connectionString = configuration.GetConnectionString("Marketplace")
            ?? throw new InvalidOperationException("ConnectionStrings:Marketplace is not configured.");
        var builder = new NpgsqlDataSourceBuilder(DataFeature.Tune(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Writers }, database.Value.PreparedStatements).ConnectionString)
        {
            Name = "marketplace-stripe-events",
        };
        var source = builder.Build();
        if (Interlocked.CompareExchange(ref _source, source, null) is not null) source.Dispose();
        return _source;
    }

    public override void Dispose()
    {
        _source?.Dispose();
        base.Dispose();
    }
}
