using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marketplace.Domain.Common;
using Marketplace.Domain.Matchmaking;
using Marketplace.Tests.Shared;
using Marketplace.Web.Data;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Benchmarks;

/// <summary>Matching: quality on the labelled needs against the demo catalog, and the time to rematch one need at scale.</summary>
internal static class MatchingBenchmark
{
    /// <summary>Rematches each labelled need (engine candidates, scoring, rewrite of its stored matches) on the app's database.</summary>
    public static async Task<(double P50, double P99, int Rounds)> RematchTimesAsync(IServiceProvider services)
    {
        var matcher = services.GetRequiredService<Matcher>();
        var today = BusinessCalendar.Today(TimeProvider.System);
        var ids = new List<Guid>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var owner = await db.Organizations.Select(o => o.Id).FirstAsync();
            foreach (var labelled in MatchingLabels.Needs)
            {
                var need = TechnologyNeed.Post(owner, labelled.Details, today, DateTimeOffset.UtcNow);
                need.Approve(today, DateTimeOffset.UtcNow);
                db.Needs.Add(need);
                ids.Add(need.Id);
            }
            await db.SaveChangesAsync();
        }
        var times = new List<double>();
        const int rounds = 5;
        for (var round = 0; round < rounds + 1; round++)
        foreach (var id in ids)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDb>();
            var started = Stopwatch.GetTimestamp();
            var need = await db.Needs.AsNoTracking().SingleAsync(n => n.Id == id);
            await matcher.RematchAsync(db, need, today, DateTimeOffset.UtcNow, default);
            await db.SaveChangesAsync();
            // The first round warms up the JIT and caches.
            if (round > 0) times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)], rounds);
    }

    /// <summary>Precision@5 and recall@10 on a database holding exactly the demo catalog.</summary>
    public static async Task<MatchingQuality.Figures> QualityAsync()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_WEB", Path.GetFullPath("src/Marketplace.Web"));
        var database = new TestDatabase("marketplace_bench_matching");
        await database.CreateAsync();
        var indexPath = Path.Combine(Path.GetTempPath(), "marketplace-bench-matching-index");
        if (Directory.Exists(indexPath)) Directory.Delete(indexPath, true);
        await using var app = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:Marketplace", database.ConnectionString);
            b.UseSetting("Search:Lucene:IndexPath", indexPath);
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        await using var scope = app.Services.CreateAsyncScope();
        await MatchingQuality.SeedLabelledCatalogAsync(scope.ServiceProvider, "Weihai-Demo-2026-bench");
        return await MatchingQuality.EvaluateAsync(scope.ServiceProvider.GetRequiredService<MarketplaceDb>(), app.Services.GetRequiredService<Matcher>());
    }

    public static string Markdown(MatchingQuality.Figures quality, (double P50, double P99, int Rounds) rematch, int listings)
    {
        var text = new StringBuilder();
        text.AppendLine("## Matching");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Labelled set: {quality.Needs.Count} needs (tests/Shared/MatchingLabels.cs; Chinese and English, with and without IPC codes, four of them spanning two topics) against the demo catalog's published listings; a listing is relevant when its patent is on one of the need's labelled topics.");
        text.AppendLine();
        text.AppendLine("| measure | value | goal |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| precision@5 | {quality.PrecisionAt5:F3} | ≥ 0.6 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| recall@10 | {quality.RecallAt10:F3} | — |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| rematch one need against {listings:N0} listings, p50 | {rematch.P50:F1} ms | — |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| rematch one need against {listings:N0} listings, p99 | {rematch.P99:F1} ms | — |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Rematch = engine candidates by text and by IPC class, scoring, and rewriting the need's stored matches in PostgreSQL; {rematch.Rounds} rounds over the {quality.Needs.Count} needs after a warm-up round.");
        text.AppendLine("The demo catalog is generated from 24 topics with repeated title stems, so it is an easy set: these figures (0.988 before issue 17) show the matcher ranks the right topic first, not how it fares on real patent text. Matching on real CNIPA records, against a baseline, is in the Relevance section.");
        text.AppendLine("Recall@10 is capped below 1 for the two-topic needs, which have more than ten relevant listings.");
        return text.ToString();
    }
}
