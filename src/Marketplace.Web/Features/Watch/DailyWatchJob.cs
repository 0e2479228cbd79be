using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Quartz;

namespace Marketplace.Web.Features.Watch;

/// <summary>
/// The daily run as a Quartz job. The job store is PostgreSQL and clustered, so when several instances run, the
/// trigger fires on one of them; <see cref="DisallowConcurrentExecutionAttribute"/> keeps a slow run from
/// overlapping the next. Each run is recorded with its scheduled time and the instance that did it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyWatchJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DailyWatchJob> log) : IJob
{
    public static readonly JobKey Key = new("daily-watch", "watch");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var record = new WatchRunRecord
        {
            Id = Guid.CreateVersion7(), ScheduledFor = context.ScheduledFireTimeUtc, Instance = context.Scheduler.SchedulerInstanceId,
            Day = BusinessCalendar.Today(clock), StartedAt = clock.GetUtcNow(),
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<WatchRun>().RunAsync(record.Day, ct);
            (record.Patents, record.Alerts, record.Lapses) = (result.Patents, result.Alerts, result.Lapses);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The daily watch failed");
            record.Error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        }
        record.FinishedAt = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        db.WatchRuns.Add(record);
        await db.SaveChangesAsync(ct);
    }
}
