using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

internal sealed record QueryFigures(double EfMeanUs, double EfP50Us, long EfAllocated, double RawMeanUs, double RawP50Us, long RawAllocated,
    double OwnPoolMeanUs, double OwnPoolP50Us);

/// <summary>
/// P2: the query behind GET /api/listings/{id} — compiled, no tracking, projecting the columns the response shows, on a
/// context rented from the pool as a request does — against the very SQL EF sent, run through a raw NpgsqlDataReader
/// that reads every column it selects (the same columns and rows) on the rented context's own connection, so both draw
/// from the same connection pool. For reference, the raw reader also runs on a data source of its own.
/// </summary>
/// <remarks>
/// The pool matters as much as EF does. Npgsql hands out idle connections first in, first out, so after the P1 rows
/// (16 callers) the app's pool rotates every call over about 16 server processes, each idle since its last turn; a
/// sequential caller on a pool of its own reuses one warm process. On 2026-12-07 that alone made the same raw read 114
/// against 77 µs (medians of 195 interleaved blocks of 200 calls). Comparing EF with a raw reader on a one-connection
/// pool charged that gap to EF.
/// </remarks>
public class ListingQueryBenchmark
{
    internal static IServiceProvider Services = null!;
    internal static string ConnectionString = "";
    internal static Guid[] Ids = [];

    private NpgsqlDataSource _source = null!;
    private string _sql = "";
    private readonly List<(string Name, object Value)> _parameters = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        // The app's connection settings (statements prepared per connection, no reset), so the two differ only in EF.
        _source = NpgsqlDataSource.Create(DataFeature.Tune(new NpgsqlConnectionStringBuilder(ConnectionString)).ConnectionString);
        // The raw reader runs the SQL EF generates for this query, with the same parameters.
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
        var text = ListingReader.VisibleSummary.Compile()(db, Ids[0], Guid.Empty, false).ToQueryString();
        foreach (var line in text.Split('\n').Where(l => l.StartsWith("-- @")))
        {
            var name = line[3..line.IndexOf('=')];
            var value = line[(line.IndexOf('=') + 2)..line.LastIndexOf('\'')];
            _parameters.Add((name, Guid.TryParse(value, out var g) ? g : bool.TryParse(value, out var b) ? b : value));
        }
        _sql = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("--")));
    }

    [GlobalCleanup]
    public void Cleanup() => _source.Dispose();

    private Guid NextId() => Ids[_next++ % Ids.Length];

    [Benchmark(Baseline = true)]
    public async Task<int> RawReader()
    {
        // The rented context's connection: EF's own data source and pool, opened and closed around the read as EF does.
        await using var scope = Services.CreateAsyncScope();
        var connection = (NpgsqlConnection)scope.ServiceProvider.GetRequiredService<MarketplaceDb>().Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand(_sql, connection);
            return await ReadAsync(command);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    [Benchmark]
    public async Task<int> RawReaderOwnPool()
    {
        await using var command = _source.CreateCommand(_sql);
        return await ReadAsync(command);
    }

    private async Task<int> ReadAsync(NpgsqlCommand command)
    {
        var id = NextId();
        foreach (var (name, value) in _parameters)
            command.Parameters.Add(new NpgsqlParameter(name, value is Guid g && g == Ids[0] ? id : value));
        await using var reader = await command.ExecuteReaderAsync();
        var read = 0;
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++, read++) _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return read;
    }

    [Benchmark]
    public async Task<ListingSummaryRow?> EfCompiledPooled()
    {
        // As a request does: a scope renting the app's pooled context.
        await using var scope = Services.CreateAsyncScope();
        return await ListingReader.FindSummaryAsync(scope.ServiceProvider.GetRequiredService<MarketplaceDb>(), NextId(), Guid.Empty, false, default);
    }

    internal static QueryFigures Run(IServiceProvider services, string connectionString, IReadOnlyList<string> ids)
    {
        Services = services;
        ConnectionString = connectionString;
        Ids = ids.Select(Guid.Parse).ToArray();
        var config = ManualConfig.CreateEmpty()
            // 15 iterations, not ShortRun's 3: three gave 50–68 % for the same code in one evening.
            .AddJob(Job.ShortRun.WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "marketplace-bdn"));
        var summary = BenchmarkRunner.Run<ListingQueryBenchmark>(config);
        var ef = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(EfCompiledPooled));
        var raw = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(RawReader));
        var own = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(RawReaderOwnPool));
        if (ef.ResultStatistics is null || raw.ResultStatistics is null || own.ResultStatistics is null) throw new InvalidOperationException("BenchmarkDotNet produced no result");
        return new QueryFigures(
            ef.ResultStatistics.Mean / 1000, ef.ResultStatistics.Median / 1000, ef.GcStats.GetBytesAllocatedPerOperation(ef.BenchmarkCase) ?? 0,
            raw.ResultStatistics.Mean / 1000, raw.ResultStatistics.Median / 1000, raw.GcStats.GetBytesAllocatedPerOperation(raw.BenchmarkCase) ?? 0,
            own.ResultStatistics.Mean / 1000, own.ResultStatistics.Median / 1000);
    }
}
