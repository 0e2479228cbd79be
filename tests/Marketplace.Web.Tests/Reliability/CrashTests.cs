using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Tests.Shared;
using Npgsql;

namespace Marketplace.Web.Tests.Reliability;

/// <summary>
/// kill -9 of the app process in the middle of a stream of keyed writes, then a restart on the same database.
/// The app runs as its own process on its own database, so the kill cannot disturb the other tests.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const string Password = "Crash-Test-Password-2026";
    private readonly TestDatabase _database = new("marketplace_test_crash");
    private readonly string _index = Path.Combine(Path.GetTempPath(), $"marketplace-crash-index-{Guid.NewGuid():N}");

    public Task InitializeAsync() => _database.CreateAsync();

    public Task DisposeAsync()
    {
        if (Directory.Exists(_index)) Directory.Delete(_index, true);
        return Task.CompletedTask;
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["ConnectionStrings__Marketplace"] = _database.ConnectionString,
        ["Demo__Seed"] = "true",
        ["Demo__Password"] = Password,
        ["Search__Lucene__IndexPath"] = _index,
    };

    [Fact]
    public async Task After_kill_9_every_acknowledged_write_is_there_once_and_a_retry_returns_the_same_answer()
    {
        var port = AppProcess.FreePort();
        var app = await AppProcess.StartAsync(Settings(), port);
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "enterprise1@demo.local", password = Password });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        var writes = new KeyedWrites(http, "crash");
        using var stop = new CancellationTokenSource();
        var stream = writes.RunAsync(workers: 4, stop.Token);
        while (writes.Acknowledged.Count < 40) await Task.Delay(20);
        await app.DisposeAsync();                       // SIGKILL with writes in flight
        var acknowledgedAtKill = writes.Acknowledged.Keys.ToList();
        await using var restarted = await AppProcess.StartAsync(Settings(), port);
        var resumedAt = writes.Acknowledged.Count;
        while (writes.Acknowledged.Count < resumedAt + 20) await Task.Delay(20);
        stop.Cancel();
        await stream;

        Assert.True(writes.Outcomes.GetValueOrDefault("refused") > 0, "no write was cut off by the kill");
        Assert.Empty(await writes.ResendAllAsync());
        Assert.DoesNotContain(writes.Outcomes.Keys, k => k.StartsWith('5'));
        await using var db = new NpgsqlConnection(_database.ConnectionString);
        await db.OpenAsync();
        // Each key sent made exactly one need, acknowledged or not; and each need has its stored answer, i.e.
        // nothing committed half (a need without its answer or an answer without its need).
        Assert.Equal(writes.SentKeys.Count, await CountAsync(db, "SELECT count(*) FROM technology_needs WHERE details::text LIKE '%crash 需求 crash-%'"));
        Assert.Equal(writes.SentKeys.Count, await CountAsync(db, "SELECT count(*) FROM idempotent_requests WHERE key LIKE 'crash-%'"));
        Assert.All(acknowledgedAtKill, k => Assert.Contains(k, writes.Acknowledged.Keys));
    }

    private static async Task<long> CountAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
