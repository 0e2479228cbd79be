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
        var scored = await ScoreAsync(need.Details, ct);
        // The index follows the database within seconds; a listing withdrawn meanwhile is not stored as a match.
        var ids = scored.Select(s => s.ListingId).ToList();
        var published = (await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id) && l.Status == ListingStatus.Published)
            .Select(l => l.Id).ToListAsync(ct)).ToHashSet();
        foreach (var (listingId, result) in scored.Where(s => published.Contains(s.ListingId)))
            db.NeedMatches.Add(new NeedMatch { NeedId = need.Id, ListingId = listingId, Score = result.Score, Reasons = [.. result.Reasons], ComputedAt = now });
    }

    /// <summary>The best listings for a need's details, best first (also used to preview and to measure quality).</summary>
    public async Task<IReadOnlyList<(Guid ListingId, MatchResult Result)>> ScoreAsync(NeedDetails details, CancellationToken ct)
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
        var need = NeedProfile.Of(details);
        return candidates
            .Select(c => (c.Hit.ListingId, Result: MatchScorer.Score(need, Profile(c.Hit, c.Hit.IpcCodes), c.Relevance, settings.Weights)))
            .Where(m => m.Result.IsTopical && m.Result.Score >= settings.MinScore)
            .OrderByDescending(m => m.Result.Score).ThenBy(m => m.ListingId)
            .Take(settings.MaxMatches).ToList();
    }

    private static ListingProfile Profile(SearchHit hit, IEnumerable<string> ipc) => new(
        [.. ipc], [.. hit.Modes.Select(m => Enum.Parse<TradeMode>(m))], hit.Price, hit.RemainingMonths, hit.Sleeping);
}
