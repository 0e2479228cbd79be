namespace Marketplace.Web.Platform;

/// <summary>
/// The loop of a polling background worker: a pass, a pause, again; a failed pass is logged and retried after a
/// doubling back-off (2 s up to a minute), so a database restart delays the work instead of stopping it. With a
/// <see cref="Wakeup"/> the pause ends early when this instance queues work.
/// </summary>
public static class PollingLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task> pass, Func<TimeSpan> interval, TimeProvider clock, ILogger logger,
        string work, CancellationToken stoppingToken, Wakeup? wakeup = null)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
                failures = 0;
                if (wakeup is null) await Task.Delay(interval(), clock, stoppingToken);
                else await wakeup.WaitAsync(interval(), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures)));
                logger.LogWarning(e, "{Work} failed ({Failures} in a row); retrying in {Wait}", work, failures, wait);
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
    }
}
