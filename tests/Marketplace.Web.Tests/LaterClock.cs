namespace Marketplace.Web.Tests;

/// <summary>The real clock, moved forward: what the app sees some time from now (for an app variant's services).</summary>
internal sealed class LaterClock(TimeSpan ahead) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
}
