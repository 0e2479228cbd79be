using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the app starts. EF Core takes a database lock while migrating, so
    /// several instances starting together are safe.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>How many statements each connection keeps prepared (0: none). See <see cref="DataFeature.Tune"/>.</summary>
    public int PreparedStatements { get; set; } = DataFeature.DefaultPreparedStatements;
}

public static class DataFeature
{
    public const int DefaultPreparedStatements = 200;

    /// <summary>
    /// The connection settings the app's data sources share (its context's, and any raw reader measured against it).
    /// A statement run twice on a connection is prepared there and kept (up to <paramref name="prepared"/>, least used
    /// dropped first): EF Core sends the same SQL text for a query every time, so PostgreSQL parses and plans a page's
    /// reads once per connection instead of on every request (a listing read went from about 600 to 150–250 µs here).
    /// A connection going back to the pool is not reset: resetting would close those statements, or cost a batch of
    /// reset commands on its next use, and no code leaves session state behind (advisory locks are transaction-level,
    /// nothing runs SET, LISTEN or temporary tables outside a transaction).
    /// </summary>
    public static NpgsqlConnectionStringBuilder Tune(NpgsqlConnectionStringBuilder connection, int prepared = DefaultPreparedStatements)
    {
        connection.MaxAutoPrepare = prepared;
        connection.AutoPrepareMinUsages = 2;
        connection.NoResetOnClose = true;
        return connection;
    }

    public static WebApplicationBuilder AddMarketplaceData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Marketplace")
            ?? throw new InvalidOperationException("ConnectionStrings:Marketplace is not configured.");
        // Read here, not through IOptions: the context's options are built before the container is.
        var prepared = (builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new()).PreparedStatements;
        // Pooled: a request rents a reset context instead of building one (services, change tracker) each time.
        // Rented through the factory so the context learns the scope it serves, whose handlers receive its domain
        // events (EF's pattern for per-request state in pooled contexts).
        builder.Services.AddPooledDbContextFactory<MarketplaceDb>(options => options
            // Tuned in the connection string, not on the data source: EF Core shares one data source per connection
            // string across the contexts it builds, so a setting applied to the data source alone could be another's.
            .UseNpgsql(Tune(new NpgsqlConnectionStringBuilder(connectionString), prepared).ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations")
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
