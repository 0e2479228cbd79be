using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marketplace.Tests.Shared;
using Marketplace.Web.Data;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Targets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// `load-data DIR`: the database the load test runs against (issue 10), made once per cluster: the demo
/// organisations and accounts (the mixed profile signs in as them), 100,000 generated listings, 1,000,000 deals and
/// 100,000 loans from the targets benchmark's templates, and the kept totals recounted. Writes DIR/data.json with
/// what is there. The app that is measured runs later as its own process on this database.
/// </summary>
internal static class LoadData
{
    public static string DatabaseName => Environment.GetEnvironmentVariable("LOAD_DATABASE") ?? "marketplace_load";

    public static string ConnectionString => new TestDatabase(DatabaseName).ConnectionString;

    public static async Task RunAsync(string dir)
    {
        var listings = Setting("LOAD_LISTINGS", 100_000);
        var deals = Setting("LOAD_DEALS", 1_000_000);
        var loans = Setting("LOAD_LOANS", 100_000);
        var clock = Stopwatch.StartNew();
        if (await CountAsync("SELECT count(*) FROM listings WHERE status = 'Published'") >= listings)
        {
            Console.WriteLine($"{DatabaseName} already holds the generated data");
        }
        else
        {
            var database = new TestDatabase(DatabaseName);
            await database.CreateAsync();
            await GenerateAsync(database, listings, deals, loans);
        }
        var sizes = new Dictionary<string, long>
        {
            ["publishedListings"] = await CountAsync("SELECT count(*) FROM listings WHERE status = 'Published'"),
            ["patents"] = await CountAsync("SELECT count(*) FROM patents"),
            ["deals"] = await CountAsync("SELECT count(*) FROM deals"),
            ["loans"] = await CountAsync("SELECT count(*) FROM pledge_applications"),
            ["users"] = await CountAsync("SELECT count(*) FROM users"),
            ["databaseBytes"] = await CountAsync($"SELECT pg_database_size('{DatabaseName}')"),
            ["seconds"] = (long)clock.Elapsed.TotalSeconds,
        };
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "data.json"), JsonSerializer.Serialize(sizes));
        Console.WriteLine(string.Join(", ", sizes.Select(s => $"{s.Key} {s.Value:N0}")));
    }

    internal static async Task GenerateAsync(TestDatabase database, int listings, int deals, int loans)
    {
        // The app in process only for its services (demo seed, EF model, recount); its background work stays idle.
        await using var app = BenchHost.Start(database);
        var password = Environment.GetEnvironmentVariable("Demo__Password") ?? DemoOptions.DefaultPassword;
        var step = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
            await DemoSeed.SeedAsync(scope.ServiceProvider, password, TimeProvider.System, CancellationToken.None);
        Console.WriteLine($"demo data seeded in {step.Elapsed.TotalSeconds:F0} s");

        step.Restart();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            await Generator.SeedAsync(db, await Generator.OwnersAsync(db), listings, firstNumber: 1_000_000);
        }
        Console.WriteLine($"generated {listings:N0} listings in {step.Elapsed.TotalSeconds:F0} s");

        step.Restart();
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        await TargetsData.GenerateAsync(source, deals, loans);
        Console.WriteLine($"generated {deals:N0} deals and {loans:N0} loans in {step.Elapsed.TotalSeconds:F0} s");

        step.Restart();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TargetsRecount>().RebuildAsync(CancellationToken.None);
        await using (var analyze = source.CreateCommand("ANALYZE"))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"recounted the kept totals and analysed in {step.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<long> CountAsync(string sql)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private static int Setting(string name, int fallback) =>
        int.Parse(Environment.GetEnvironmentVariable(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
