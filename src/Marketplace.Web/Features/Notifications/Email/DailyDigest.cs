using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Notifications.Email;

/// <summary>
/// Once a day, at <see cref="EmailOptions.DigestHour"/> China time, gathers each person's digest notices from before that
/// hour into one outbox e-mail, and marks them gathered in the same transaction. Any instance may run it: a transaction
/// advisory lock lets one build at a time, and gathered notices are not gathered again, so a person gets one digest for
/// a day however many instances look.
/// </summary>
public sealed class DailyDigest(IServiceScopeFactory scopes, EmailOutbox outbox, IOptions<EmailOptions> options, TimeProvider clock,
    ILogger<DailyDigest> logger) : BackgroundService
{
    private const long LockKey = 0x5749_4845_4449_4745; // "WIHEDIGE": the digest builder's advisory lock
    private const int PeopleAtOnce = 1000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await BuildAsync(clock.GetUtcNow(), ct), () => TimeSpan.FromMinutes(1), clock, logger, "Daily digest", stoppingToken);

    /// <summary>The last digest hour at or before <paramref name="now"/>.</summary>
    public DateTimeOffset CutoffAt(DateTimeOffset now)
    {
        var china = BusinessCalendar.ToChinaTime(now);
        var today = new DateTimeOffset(china.Year, china.Month, china.Day, options.Value.DigestHour, 0, 0, china.Offset);
        // In UTC: Npgsql writes only offset-0 instants to timestamptz.
        return (today <= china ? today : today.AddDays(-1)).ToUniversalTime();
    }

    /// <summary>Builds the digests due at <paramref name="now"/>; returns how many people get one.</summary>
    public async Task<int> BuildAsync(DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = CutoffAt(now);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct)) return total;
            // Listed, not Single(): a composed query would wrap the data-modifying WITH in a subquery, which PostgreSQL refuses.
            var people = (await db.Database.SqlQuery<int>($"""
                WITH people AS (
                    SELECT DISTINCT user_id FROM notices WHERE digest AND digested_at IS NULL AND created_at < {cutoff} LIMIT {PeopleAtOnce}
                ), marked AS (
                    UPDATE notices n SET digested_at = {now} FROM people p
                    WHERE n.user_id = p.user_id AND n.digest AND n.digested_at IS NULL AND n.created_at < {cutoff}
                    RETURNING n.id, n.user_id
                ), queued AS (
                    INSERT INTO outgoing_emails (id, user_id, notice_id, kind, digest_notice_ids, created_at, not_before, attempts)
                    SELECT gen_random_uuid(), user_id, NULL, 'digest', array_agg(id), {now}, {now}, 0 FROM marked GROUP BY user_id
                    RETURNING 1
                )
                SELECT count(*)::int AS "Value" FROM queued
                """).ToListAsync(ct)).Single();
            await transaction.CommitAsync(ct);
            total += people;
            if (people < PeopleAtOnce) break;
        }
        if (total > 0) outbox.Wake();
        return total;
    }
}
