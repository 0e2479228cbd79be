using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Platform.Idempotency;

public static class IdempotencyFeature
{
    /// <summary>How long a key's answer is kept: a client retries within minutes, a day covers an outage.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static WebApplicationBuilder AddIdempotency(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ExpiredKeysSweep>();
        return builder;
    }

    /// <summary>After authentication (keys belong to a caller), before the endpoints run.</summary>
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyKeys>();
        return app;
    }
}

/// <summary>Deletes answers older than the retention, hourly; a plain DELETE, so several instances may run it.</summary>
internal sealed class ExpiredKeysSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpiredKeysSweep> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(SweepAsync, () => TimeSpan.FromHours(1), clock, logger, "Idempotency key sweep", stoppingToken);

    private async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var before = clock.GetUtcNow() - IdempotencyFeature.Retention;
        await db.IdempotentRequests.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
