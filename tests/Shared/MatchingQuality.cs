using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Marketplace.Web.Features.Needs;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Shared;

/// <summary>Precision@5 and recall@10 of the matcher on <see cref="MatchingLabels"/> against the demo catalog.</summary>
public static class MatchingQuality
{
    public sealed record NeedFigures(string Title, int Relevant, int RelevantInTop5, int RelevantInTop10, int Returned);

    public sealed record Figures(double PrecisionAt5, double RecallAt10, IReadOnlyList<NeedFigures> Needs);

    /// <summary>The catalog the labels name: the demo's organisations with 300 listings generated from the labelled
    /// topics (the demo itself now shows real records, which the labels do not describe), indexed.</summary>
    public static async Task SeedLabelledCatalogAsync(IServiceProvider services, string demoSecret)
    {
        await DemoSeed.SeedAsync(services, demoSecret, TimeProvider.System, CancellationToken.None, withActivity: false, withCatalog: false);
        await GeneratedCatalog.SeedAsync(services.GetRequiredService<MarketplaceDb>(), 300, DateTimeOffset.UtcNow);
        var indexer = services.GetRequiredService<SearchIndexer>();
        indexer.RequestRebuild();
        await indexer.RunOnceAsync(CancellationToken.None);
    }

    public static async Task<Figures> EvaluateAsync(MarketplaceDb db, Matcher matcher, CancellationToken ct = default)
    {
        var published = await (from l in db.Listings.AsNoTracking()
                               join p in db.Patents.AsNoTracking() on l.PatentId equals p.Id
                               where l.Status == ListingStatus.Published
                               select new { l.Id, p.TitleZh }).ToListAsync(ct);
        var rows = new List<NeedFigures>();
        foreach (var labelled in MatchingLabels.Needs)
        {
            var relevant = published.Where(l => labelled.RelevantTopics.Any(l.TitleZh.Contains)).Select(l => l.Id).ToHashSet();
            var ranked = (await matcher.ScoreAsync(labelled.Details, ct)).Select(m => m.ListingId).ToList();
            rows.Add(new NeedFigures(labelled.Details.Title, relevant.Count,
                ranked.Take(5).Count(relevant.Contains), ranked.Take(10).Count(relevant.Contains), ranked.Count));
        }
        // A need with fewer than five results still counts five places, empty ones as misses.
        return new Figures(rows.Average(r => r.RelevantInTop5 / 5.0), rows.Average(r => r.Relevant == 0 ? 0 : r.RelevantInTop10 / (double)r.Relevant), rows);
    }
}
