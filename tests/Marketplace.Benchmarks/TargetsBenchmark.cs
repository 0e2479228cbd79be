using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Tests.Shared;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Targets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// Targets benchmark (issue 9): 1,000,000 deals and 100,000 disbursed loans, GET /api/targets from the kept totals
/// against summing the records on each request, and an export of about 100,000 rows with the memory it takes.
/// Run with `./marketplace.sh bench targets`; writes the targets section of docs/benchmarks.md.
/// </summary>
internal static class TargetsBenchmark
{
    public static async Task RunAsync()
    {
        var deals = int.Parse(Environment.GetEnvironmentVariable("BENCH_DEALS") ?? "1000000", CultureInfo.InvariantCulture);
        var loans = int.Parse(Environment.GetEnvironmentVariable("BENCH_LOANS") ?? "100000", CultureInfo.InvariantCulture);
        var output = Environment.GetEnvironmentVariable("BENCH_OUTPUT") ?? "docs/benchmarks.md";
        var database = new TestDatabase("marketplace_bench_targets");
        await database.CreateAsync();
        await using var app = BenchHost.Start(database);
        await using (var scope = app.Services.CreateAsyncScope())
            await DemoSeed.SeedAsync(scope.ServiceProvider, DemoOptions.DefaultPassword, TimeProvider.System, CancellationToken.None);

        var generating = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        await TargetsData.GenerateAsync(source, deals, loans);
        Console.WriteLine($"generated {deals:N0} deals and {loans:N0} loans in {generating.Elapsed.TotalSeconds:F0} s");
        var rebuilding = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TargetsRecount>().RebuildAsync(CancellationToken.None);
        var rebuildSeconds = rebuilding.Elapsed.TotalSeconds;
        Console.WriteLine($"rebuilt the kept totals from the records in {rebuildSeconds:F1} s");

        using var http = app.CreateClient();
        var window = TimeSpan.FromSeconds(5);
        var results = new List<Figures>
        {
            await Measure.RunAsync("GET /api/targets (kept totals)", ["/api/targets"], async u => (await http.GetAsync(u)).EnsureSuccessStatusCode(), duration: window),
            await Measure.RunAsync("GET /api/targets?year=2024", ["/api/targets?year=2024"], async u => (await http.GetAsync(u)).EnsureSuccessStatusCode(), duration: window),
            await Measure.RunAsync("summing the records per request", [""], async _ =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var recount = scope.ServiceProvider.GetRequiredService<TargetsRecount>();
                await recount.SumDealsAsync(CancellationToken.None);
                await recount.SumDisbursedAsync(CancellationToken.None);
            }, sequential: 30, workers: 2, duration: window),
        };
        var kept = await http.GetFromJsonAsync<JsonElement>("/api/targets");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The dashboard opens on the 2022–2025 plan: the records of its years.
            var summed = (await scope.ServiceProvider.GetRequiredService<TargetsRecount>().SumDealsAsync(CancellationToken.None))
                .Where(y => y.Year is >= 2022 and <= 2025).Sum(y => y.Contracted);
            if (summed != kept.GetProperty("deals").GetProperty("contracted").GetDecimal()) throw new InvalidOperationException("kept totals differ from the records");
        }

        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "park@demo.local", password = DemoOptions.DefaultPassword });
        var token = (await login.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var office = app.CreateClient();
        office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var exports = new List<ExportFigures>();
        foreach (var format in new[] { "csv", "xlsx" })
            exports.Add(await ExportAsync(office, $"/api/exports/deals?format={format}&from=2024-01-01&to=2024-06-30", format));
        await Report.WriteSectionAsync(output, "## Targets", TargetsReport.Markdown(deals, loans, rebuildSeconds, results, exports));
        Console.WriteLine($"written the targets section of {output}");
    }

    internal sealed record ExportFigures(string Format, long Rows, long Bytes, double Seconds, long PeakHeapGrowth, long WorkingSetGrowth);

    /// <summary>Streams the export, sampling the managed heap as each collection leaves it (live objects, not garbage
    /// awaiting collection): its growth over the idle heap is what the export held at once. The client reads the body
    /// as a stream too, so it holds none of it.</summary>
    private static async Task<ExportFigures> ExportAsync(HttpClient client, string url, string format)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var idleHeap = GC.GetGCMemoryInfo().HeapSizeBytes;
        using var process = Process.GetCurrentProcess();
        var idleWorkingSet = process.WorkingSet64;
        var (peakHeap, peakWorkingSet) = (idleHeap, idleWorkingSet);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(10);
            }
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var (bytes, newlines, buffer) = (0L, 0L, new byte[81920]);
        for (int read; (read = await body.ReadAsync(buffer)) > 0;)
        {
            bytes += read;
            if (format == "csv") newlines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        var rows = format == "csv" ? newlines - 1 : -1;
        Console.WriteLine($"export {format}: {bytes / 1048576.0:F1} MiB in {seconds:F1} s, heap +{(peakHeap - idleHeap) / 1048576.0:F0} MiB");
        return new ExportFigures(format, rows, bytes, seconds, peakHeap - idleHeap, peakWorkingSet - idleWorkingSet);
    }
}
