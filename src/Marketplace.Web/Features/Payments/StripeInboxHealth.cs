using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Web.Features.Payments;

/// <summary>
/// Part of <c>/health/ready</c>: Degraded (still 200, the instance stays in rotation) when Stripe events wait more
/// than ten minutes to be applied — Stripe unreachable, or no instance applying — so a payment that has not reached
/// its deal shows up on the dashboard that watches readiness instead of only in the log.
/// </summary>
public sealed class StripeInboxHealth(MarketplaceDb db, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - Patience;
        var waiting = await db.StripeEvents.CountAsync(e => e.AppliedAt == null && e.ReceivedAt < cutoff, ct);
        return waiting == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{waiting} Stripe events received over {Patience.TotalMinutes:0} minutes ago are not applied (stripe_events.last_error says why).");
    }
}
