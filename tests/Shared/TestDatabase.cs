using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Tests.Shared;

/// <summary>
/// One database per test project on the run's shared PostgreSQL server (MARKETPLACE_TEST_PG, started by
/// `./marketplace.sh test`), migrated once and emptied before each test. Emptying uses TRUNCATE rather than
/// Respawn's DELETE because the audit log refuses DELETE by design.
/// </summary>
public sealed class TestDatabase(string name)
{
    // Reference data and infrastructure survive a reset: the five roles, and the data-protection key ring the
    // running app has cached (removing its row would leave the app signing with a key no other instance knows), and
    // the Quartz job store (qrtz_*) the running schedulers hold their jobs, triggers and cluster check-ins in.
    private static readonly string[] Kept = ["__ef_migrations", "roles", "data_protection_keys"];
    private string? _truncate;

    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(ServerConnectionString())
    {
        Database = name,
        IncludeErrorDetail = true,
    }.ConnectionString;

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable("MARKETPLACE_TEST_PG")
        ?? throw new InvalidOperationException("MARKETPLACE_TEST_PG is not set: run the tests with ./marketplace.sh test.");

    public async Task CreateAsync()
    {
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = "postgres" }.ConnectionString))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        await using var db = new MarketplaceDb(new DbContextOptionsBuilder<MarketplaceDb>()
            .UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
            .UseSnakeCaseNamingConvention().Options);
        await db.Database.MigrateAsync();
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        if (_truncate is null)
        {
            await using var list = new NpgsqlCommand(
                "SELECT string_agg(format('%I', tablename), ', ') FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY(@kept) AND tablename NOT LIKE 'qrtz\\_%'",
                connection);
            list.Parameters.AddWithValue("kept", Kept);
            _truncate = $"TRUNCATE {(string)(await list.ExecuteScalarAsync())!} RESTART IDENTITY CASCADE";
        }
        // The app's background workers (indexer, matcher, session event pusher) keep querying while a test resets;
        // TRUNCATE's exclusive locks can then deadlock with one of them, and PostgreSQL may pick the reset as victim.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The park's plan is reference data the migration writes; a test starts with it, as a new database does.
                await using var truncate = new NpgsqlCommand(_truncate + ";" + Marketplace.Web.Features.Targets.Plans.PlanSeed.Sql, connection);
                await truncate.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
