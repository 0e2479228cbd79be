using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Needs;

/// <summary>
/// Computes one need's matches: the search engine proposes candidates (by the need's words, and by its IPC
/// classes), the domain's <see cref="MatchScorer"/> scores each, the best are stored. The caller saves.
/// </summary>
public sealed class Matcher(ISearchEngine engine, IOptions<MatchingOptions> options)
{
    public async Task RematchAsync(MarketplaceDb db, TechnologyNeed need, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        db.NeedMatches.RemoveRange(await db.NeedMatches.Where(m => m.NeedId == need.Id).ToListAsync(ct));
        if (!need.IsOpenOn(today)) return;
        foreach (var (listingId, result) in await ScoreAsync(db, need.Details, ct))
            db.NeedMatches.Add(new NeedMatch { NeedId = need.Id, ListingId = listingId, Score = result.Score, Reasons = [.. result.Reasons], ComputedAt = now });
    }

    /// <summary>The best listings for a need's details, best first (also used to preview and to measure quality).</summary>
    public async Task<IReadOnlyList<(Guid ListingId, MatchResult Result)>> ScoreAsync(MarketplaceDb db, NeedDetails details, CancellationToken ct)
    {
        var settings = options.Value;
        var byText = await engine.SearchAsync(SearchQuery.All(1, settings.Candidates) with { Text = details.SearchText, Match = TextMatch.AnyWord }, ct);
        var classes = (details.IpcCodes ?? []).Select(c => c[..Math.Min(3, c.Length)]).Distinct().ToList();
        var byField = classes.Count == 0 ? [] : (await engine.SearchAsync(SearchQuery.All(1, settings.Candidates) with { Ipc = classes }, ct)).Hits;

        // Text relevance is relative to the best hit for this need: engine scores have no absolute scale.
        var best = byText.Hits.Count > 0 ? byText.Hits.Max(h => h.Score) : 0;
        var candidates = byText.Hits.Select(h => (Hit: h, Relevance: best > 0 ? h.Score / best : 0))
            .Concat(byField.Select(h => (Hit: h, Relevance: 0d)))
            .GroupBy(c => c.Hit.ListingId).Select(g => g.MaxBy(c => c.Relevance)).ToList();
        var ids = candidates.Select(c => c.Hit.ListingId).ToList();
        var ipc = await (from l in db.Listings.AsNoTracking()
                         join p in db.Patents.AsNoTracking() on l.PatentId equals p.Id
                         where ids.Contains(l.Id) && l.Status == ListingStatus.Published
                         select new { l.Id, p.IpcCodes }).ToDictionaryAsync(x => x.Id, x => x.IpcCodes, ct);

        var need = NeedProfile.Of(details);
        return candidates.Where(c => ipc.ContainsKey(c.Hit.ListingId))
            .Select(c => (c.Hit.ListingId, Result: MatchScorer.Score(need, Profile(c.Hit, ipc[c.Hit.ListingId]), c.Relevance, settings.Weights)))
            .Where(m => m.Result.IsTopical && m.Result.Score >= settings.MinScore)
            .OrderByDescending(m => m.Result.Score).ThenBy(m => m.ListingId)
            .Take(settings.MaxMatches).ToList();
    }

    private static ListingProfile Profile(SearchHit hit, IEnumerable<string> ipc) => new(
        [.. ipc], [.. hit.Modes.Select(m => Enum.Parse<TradeMode>(m))], hit.Price, hit.RemainingMonths, hit.Sleeping);
}
