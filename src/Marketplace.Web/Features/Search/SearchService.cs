using Marketplace.Web.Features.Search.Planning;

namespace Marketplace.Web.Features.Search;

/// <summary>
/// What the search box and GET /api/search run, on either engine: an application or publication number goes straight
/// to its listing; a typed query that finds fewer than <see cref="RelaxBelow"/> listings relaxes (any of its words is
/// enough; the listings that match it fully stay first) and says so; a text search offers the IPC fields of its best
/// hits as related fields.
/// </summary>
public sealed class SearchService(ISearchEngine engine)
{
    public const int RelaxBelow = 10;

    /// <summary>Related fields are read from this many of the best hits.</summary>
    public const int RelatedFrom = 20;

    public async Task<SearchResult> SearchAsync(SearchQuery q, CancellationToken ct)
    {
        var typed = q.Match == TextMatch.Typed && !string.IsNullOrWhiteSpace(q.Text);
        if (typed && NumberSearch.KeysOf(q.Text) is { Count: > 0 } keys)
        {
            var byNumber = await engine.SearchAsync(q with { NumberKeys = keys }, ct);
            if (byNumber.Total > 0) return byNumber with { NumberMatch = true };
        }
        var result = await engine.SearchAsync(q, ct);
        if (!typed) return result;
        if (result.Total < RelaxBelow) result = await RelaxAsync(q, result, ct);
        var best = q.Page == 1 && q.Sort == SearchSort.Relevance ? result.Hits : (await engine.SearchAsync(q with { Page = 1, PageSize = RelatedFrom, Sort = SearchSort.Relevance }, ct)).Hits;
        return result with { RelatedFields = Related(best) };
    }

    /// <summary>
    /// The strict hits first, then those of each looser rule in turn (any word, then any pair of characters) until
    /// there are enough; totals and facets are the loosest rule's, which holds all the others' hits.
    /// </summary>
    private async Task<SearchResult> RelaxAsync(SearchQuery q, SearchResult strict, CancellationToken ct)
    {
        var want = q.Page * q.PageSize;
        var ranked = strict.Hits.Count == strict.Total ? strict.Hits.ToList() : (await engine.SearchAsync(q with { Page = 1, PageSize = RelaxBelow }, ct)).Hits.ToList();
        var (result, relaxed) = (strict, (TextMatch?)null);
        // A query of one unit is its own "any word".
        var looser = QueryPlanner.Plan(q.Text).CanRelax ? new[] { TextMatch.AnyWord, TextMatch.Characters } : [TextMatch.Characters];
        foreach (var match in looser)
        {
            var wider = await engine.SearchAsync(q with { Match = match, Page = 1, PageSize = Math.Min(want + ranked.Count, SearchRequest.MaxWindow) }, ct);
            var seen = ranked.Select(h => h.ListingId).ToHashSet();
            var added = wider.Hits.Where(h => !seen.Contains(h.ListingId)).ToList();
            if (added.Count > 0) (result, relaxed) = (wider, match);
            ranked.AddRange(added);
            if (wider.Total >= RelaxBelow) break;
        }
        if (relaxed is null) return strict;
        return new SearchResult(ranked.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToList(), result.Total, result.Facets) { Relaxed = relaxed.ToString() };
    }

    /// <summary>The main subclasses of the best hits, most common first, with their names.</summary>
    public static IReadOnlyList<RelatedField> Related(IEnumerable<SearchHit> hits) =>
        hits.Take(RelatedFrom).Select(h => h.IpcCodes.FirstOrDefault()).OfType<string>().Where(c => c.Length >= 4).Select(c => c[..4])
            .GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5)
            .Select(g => { var (zh, en) = IpcGlossary.Name(g.Key); return new RelatedField(g.Key, zh, en, g.Count()); }).ToList();
}
