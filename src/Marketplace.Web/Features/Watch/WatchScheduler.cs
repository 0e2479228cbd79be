using Microsoft.Extensions.Options;
using Quartz;

namespace Marketplace.Web.Features.Watch;

/// <summary>
/// Joins this instance to the Quartz cluster once the app has started: stores the daily run's job and trigger
/// (replacing what another instance stored, so a changed cron takes effect) and starts the scheduler. While the
/// database does not answer, it retries, and the app goes on serving (503 where it needs the database); the other
/// instances of the cluster run the watch meanwhile. Shutting down waits for a run in progress.
/// </summary>
public sealed class WatchScheduler(
    ISchedulerFactory schedulers, IOptions<WatchOptions> options, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<WatchScheduler> log)
    : BackgroundService
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);
    public static readonly TriggerKey TriggerKey = new("daily-watch", "watch");
    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _scheduler ??= await schedulers.GetScheduler(stoppingToken);
                await _scheduler.ScheduleJob(Job(), Trigger(options.Value.Cron), new ScheduleJobOptions { Replace = true }, stoppingToken);
                await _scheduler.Start(stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "The daily watch could not join the scheduler cluster (attempt {Attempt}); retrying in {Delay}", attempt, RetryDelay);
                await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_scheduler is { } scheduler) await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    private static IJobDetail Job() => JobBuilder.Create<DailyWatchJob>().WithIdentity(DailyWatchJob.Key).StoreDurably().Build();

    private static ITrigger Trigger(string cron) => TriggerBuilder.Create().ForJob(DailyWatchJob.Key).WithIdentity(TriggerKey)
        .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
}
