using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

public sealed class DatabaseOptions
{
    /// <summary>Apply pending migrations when the app starts. EF Core takes a database lock while migrating, so
    /// several instances starting together are safe.</summary>
    public bool MigrateOnStart { get; set; }
}

public static class DataFeature
{
    public static WebApplicationBuilder AddMarketplaceData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Marketplace")
            ?? throw new InvalidOperationException("ConnectionStrings:Marketplace is not configured.");
        // Pooled: a request rents a reset context instead of building one (services, change tracker) each time.
        builder.Services.AddDbContextPool<MarketplaceDb>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations")
                // Npgsql labels its pool metrics with the data source's name, by default the connection string (host,
                // port, database, user); a plain name keeps those out of /metrics.
                .ConfigureDataSource(source => source.Name = "marketplace"))
            .UseSnakeCaseNamingConvention());
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        builder.Services.AddHostedService<MigrateOnStart>();
        // Keys live in PostgreSQL so every instance behind the load balancer reads every cookie and token.
        // Registered after the migration step: data protection loads its key ring when the host starts.
        builder.Services.AddDataProtection().SetApplicationName("weihai-ip-marketplace").PersistKeysToDbContext<MarketplaceDb>();
        return builder;
    }
}

internal sealed class MigrateOnStart(IServiceProvider services, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStart) return;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MarketplaceDb>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
