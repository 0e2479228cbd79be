namespace Marketplace.Web.Features.Watch;

public sealed class WatchOptions
{
    public const string Section = "Watch";

    /// <summary>When the daily run starts, as a Quartz cron expression in UTC. 22:30 UTC is 06:30 in China (which
    /// has no daylight saving), before anyone's working day. A test host sets one that never fires.</summary>
    public string Cron { get; set; } = "0 30 22 * * ?";

    /// <summary>Whether this instance takes part in the cluster that runs the scheduled jobs.</summary>
    public bool Scheduler { get; set; } = true;

    /// <summary>Patents read and committed together.</summary>
    public int BatchSize { get; set; } = 2000;
}
