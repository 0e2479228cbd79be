using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

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
        // Rented through the factory so the context learns the scope it serves, whose handlers receive its domain
        // events (EF's pattern for per-request state in pooled contexts).
        builder.Services.AddPooledDbContextFactory<MarketplaceDb>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations")
                // Npgsql labels its pool metrics with the data source's name, by default the connection string (host,
                // port, database, user); a plain name keeps those out of /metrics.
                .ConfigureDataSource(source => source.Name = "marketplace"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new AfterCommitInterceptor()));
        builder.Services.AddScoped(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<MarketplaceDb>>().CreateDbContext();
            db.Rent(services);
            return db;
        });
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        builder.Services.AddHostedService<MigrateOnStart>();
        // Keys live in PostgreSQL so every instance behind the load balancer reads every cookie and token.
        // Registered after the migration step: data protection loads its key ring when the host starts.
        builder.Services.AddDataProtection().SetApplicationName("weihai-ip-marketplace").PersistKeysToDbContext<MarketplaceDb>()
            .ProtectKeysFromConfiguration(builder);
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
