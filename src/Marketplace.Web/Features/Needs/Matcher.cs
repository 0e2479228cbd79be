using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Needs;

/// <summary>
/// Computes one need's matches: the need's whole text comes down to its key terms (more-like-this against the
/// catalog), the search engine ranks the listings sharing them and the text's character bigrams (its IPC codes
/// adding to listings in those fields), <see cref="TextRelevance"/> puts that ranking on an absolute scale, the
/// domain's <see cref="MatchScorer"/> scores each, and the best above the relevance floor are stored. The caller saves.
/// </summary>
public sealed class Matcher(ISearchEngine engine, IOptions<MatchingOptions> options)
{
    public async Task RematchAsync(MarketplaceDb db, TechnologyNeed need, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var before = await db.NeedMatches.Where(m => m.NeedId == need.Id).ToListAsync(ct);
        db.NeedMatches.RemoveRange(before);
        if (!need.IsOpenOn(today)) return;
        var scored = await ScoreAsync(need.Details, ct);
        // The index follows the database within seconds; a listing withdrawn meanwhile is not stored as a match.
        var ids = scored.Select(s => s.ListingId).ToList();
        var published = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id) && l.Status == ListingStatus.Published)
            .Select(l => new { l.Id, l.PublishedAt }).ToDictionaryAsync(l => l.Id, l => l.PublishedAt, ct);
        var stored = scored.Where(s => published.ContainsKey(s.ListingId)).ToList();
        foreach (var (listingId, result) in stored)
            db.NeedMatches.Add(new NeedMatch { NeedId = need.Id, ListingId = listingId, Score = result.Score, Reasons = [.. result.Reasons], ComputedAt = now });
        // Tracked only to carry its event: the need itself is not changed, so nothing of it is written.
        if (db.Entry(need).State == EntityState.Detached) db.Attach(need);
        need.TellNewMatches(stored.Select(s => (s.ListingId, published[s.ListingId])), before.Select(m => m.ListingId).ToHashSet());
    }

    /// <summary>The best listings for a need's details, best first (also used to preview and to measure quality).</summary>
    public async Task<IReadOnlyList<(Guid ListingId, MatchResult Result)>> ScoreAsync(NeedDetails details, CancellationToken ct)
    {
        var settings = options.Value;
        var keyTerms = await engine.KeyTermsAsync(details.SearchText, settings.KeyTerms, ct);
        var ipc = details.IpcCodes ?? [];
        if (keyTerms.Count == 0 && ipc.Count == 0) return [];
        var query = SearchQuery.All(1, settings.Candidates) with { Text = details.SearchText, Match = TextMatch.Similar, KeyTerms = keyTerms, BoostIpc = ipc };
        var hits = (await engine.SearchAsync(query, ct)).Hits;

        var need = NeedProfile.Of(details);
        var terms = keyTerms.Select(k => new WeightedTerm(k.Term, k.Weight)).ToList();
        var coverage = hits.Select(h => TextRelevance.Coverage(terms, h.MatchedTerms)).ToList();
        var strengths = TextRelevance.Strengths(hits.Select((h, i) => (h.Score, coverage[i])).ToList());
        return hits
            .Select((h, i) => (h.ListingId, Result: MatchScorer.Score(need, Profile(h), Evidence(terms, h, strengths[i], coverage[i]), settings.Weights)))
            .Where(m => m.Result.IsTopical)
            .OrderByDescending(m => m.Result.Score).ThenBy(m => m.ListingId)
            .Take(settings.MaxMatches).ToList();
    }

    /// <summary>The shared key terms, most significant first.</summary>
    private static TopicEvidence Evidence(IReadOnlyList<WeightedTerm> terms, SearchHit hit, double strength, double coverage)
    {
        var shared = hit.MatchedTerms.ToHashSet();
        return new TopicEvidence(strength, coverage, terms.Where(t => shared.Contains(t.Term)).OrderByDescending(t => t.Weight).Select(t => t.Term).ToList());
    }

    private static ListingProfile Profile(SearchHit hit) => new(
        hit.IpcCodes, [.. hit.Modes.Select(m => Enum.Parse<TradeMode>(m))], hit.Price, hit.RemainingMonths, hit.Sleeping);
}
