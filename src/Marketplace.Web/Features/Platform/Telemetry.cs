using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Marketplace.Web.Features.Platform;

/// <summary>The marketplace's own counters, next to ASP.NET Core's, Npgsql's and EF Core's, scraped at /metrics.</summary>
public sealed class MarketplaceMetrics
{
    public const string MeterName = "Marketplace";
    private readonly Counter<long> _organizationsRegistered;
    private readonly Counter<long> _organizationsVerified;

    public MarketplaceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _organizationsRegistered = meter.CreateCounter<long>("marketplace.organizations.registered", description: "Organisations registered by self-service");
        _organizationsVerified = meter.CreateCounter<long>("marketplace.organizations.verified", description: "Organisations verified by the park office");
    }

    public void OrganizationRegistered(string type) => _organizationsRegistered.Add(1, new KeyValuePair<string, object?>("type", type));
    public void OrganizationVerified(string type) => _organizationsVerified.Add(1, new KeyValuePair<string, object?>("type", type));
}

internal static class TelemetrySetup
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MarketplaceMetrics>();
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration("Metrics");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("Npgsql", "Microsoft.EntityFrameworkCore", MarketplaceMetrics.MeterName)
            .AddPrometheusExporter());
        // Structured logs: JSON lines in production for the log collector, readable text while developing.
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        return builder;
    }
}
