using Marketplace.Tests.Shared;
using Npgsql;

namespace Marketplace.Web.Tests.Watch;

/// <summary>
/// Two app processes on one database, both nodes of the Quartz cluster, with the daily run's trigger firing every two
/// seconds: each fire time is run by one of them only. They run on a database of their own, so their runs cannot
/// touch the other tests' patents, and their trigger cannot reach the in-process app's scheduler.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new("marketplace_test_watch_cluster");
    private readonly List<string> _indexes = [];

    public Task InitializeAsync() => _database.CreateAsync();

    public Task DisposeAsync()
    {
        foreach (var index in _indexes.Where(Directory.Exists)) Directory.Delete(index, true);
        return Task.CompletedTask;
    }

    private Task<AppProcess> StartAsync()
    {
        var index = Path.Combine(Path.GetTempPath(), $"marketplace-watch-cluster-{Guid.NewGuid():N}");
        _indexes.Add(index);
        return AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Marketplace"] = _database.ConnectionString,
            ["Search__Lucene__IndexPath"] = index,
            ["Watch__Cron"] = "0/2 * * * * ?",
        }, AppProcess.FreePort());
    }

    [Fact]
    public async Task Two_instances_run_each_scheduled_run_once()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        var bothUp = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();

        // Both processes check in to the cluster (Quartz's own table of live nodes).
        var nodes = 0L;
        for (var i = 0; i < 100 && nodes < 2; i++, await Task.Delay(200))
            nodes = (long)(await new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state", connection).ExecuteScalarAsync())!;
        Assert.True(nodes == 2, $"{nodes} cluster nodes checked in\n{a.Log}\n{b.Log}");

        await Task.Delay(TimeSpan.FromSeconds(12));
        a.Kill();
        b.Kill();

        var runs = new List<(DateTimeOffset? ScheduledFor, string Instance, string? Error)>();
        await using (var read = await new NpgsqlCommand("SELECT scheduled_for, instance, error FROM watch_runs WHERE started_at > @since", connection)
            { Parameters = { new("since", bothUp) } }.ExecuteReaderAsync())
            while (await read.ReadAsync())
                runs.Add((read.IsDBNull(0) ? null : read.GetFieldValue<DateTimeOffset>(0), read.GetString(1), read.IsDBNull(2) ? null : read.GetString(2)));

        Assert.True(runs.Count >= 3, $"only {runs.Count} runs in 12 s\n{a.Log}\n{b.Log}");
        Assert.All(runs, r => Assert.Null(r.Error));
        Assert.All(runs, r => Assert.NotNull(r.ScheduledFor));
        var twice = runs.GroupBy(r => r.ScheduledFor).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"run twice: {string.Join(", ", twice)}");
    }
}
