using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Npgsql;
using Quartz;

namespace Marketplace.Web.Features.Watch;

/// <summary>
/// The patent watch: every patent's calendar (fees, grace, term), the register's events from uploaded files, and a
/// daily run that tells each crossing once. The run is a Quartz job in a clustered PostgreSQL job store (tables
/// from Quartz's own script, by the Watch migration), so any number of instances run it once a day.
/// </summary>
public static class WatchFeature
{
    /// <summary>Every instance of the marketplace is a node of this one scheduler.</summary>
    public const string SchedulerName = "marketplace";

    public const string TablePrefix = "qrtz_";

    public static WebApplicationBuilder AddWatch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WatchOptions>().BindConfiguration(WatchOptions.Section);
        services.AddScoped<WatchRun>();
        services.AddScoped<WatchReader>();
        services.AddScoped<LegalStatusApplier>();
        services.AddDomainEventHandler<AnnualFeeDueSoon, AlertLog>();
        services.AddDomainEventHandler<AnnualFeeOverdue, AlertLog>();
        services.AddDomainEventHandler<PatentTermEnding, AlertLog>();
        services.AddDomainEventHandler<PatentLapsed, AlertLog>();
        services.AddDomainEventHandler<PatentRestored, AlertLog>();
        services.AddDomainEventHandler<PatentLapsed, WarnNegotiations>();
        services.AddDomainEventHandler<PatentRestored, WarnNegotiations>();
        services.AddDomainEventHandler<AnnualFeeDueSoon, WatchNotices>();
        services.AddDomainEventHandler<AnnualFeeOverdue, WatchNotices>();
        services.AddDomainEventHandler<PatentTermEnding, WatchNotices>();
        services.AddDomainEventHandler<PatentLapsed, WatchNotices>();
        services.AddDomainEventHandler<PatentRestored, WatchNotices>();
        services.AddDomainEventHandler<NegotiationWarned, WatchNotices>();
        services.AddDomainEventHandler<DealWarned, WatchNotices>();
        services.AddDomainEventHandler<Domain.Pledges.LoanWatchlisted, WatchNotices>();

        var options = builder.Configuration.GetSection(WatchOptions.Section).Get<WatchOptions>() ?? new WatchOptions();
        if (!options.Scheduler) return builder;
        var connectionString = builder.Configuration.GetConnectionString("Marketplace")!;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            q.UsePersistentStore(store =>
            {
                // A named pool: an unnamed one is named by its connection string in the metrics, which name no database.
                store.UsePostgres(source => source.DataSourceFactory = _ => new NpgsqlDataSourceBuilder(connectionString) { Name = "quartz" }.Build());
                // The Watch migration creates the tables from Quartz's own script, as every table here is created; no
                // check at startup, which would need the database while PostgreSQL may be down.
                store.ConfigureStore(o => (o.TablePrefix, o.SchemaProvisioning) = (TablePrefix, SchemaProvisioning.None));
                store.UseClustering();
            });
        });
        // Not Quartz's hosted service: it schedules and starts while the host starts, and an unreachable database
        // would stop the whole app from starting. WatchScheduler joins the cluster once the app runs, retrying.
        services.AddTransient<DailyWatchJob>();
        services.AddHostedService<WatchScheduler>();
        return builder;
    }
}
