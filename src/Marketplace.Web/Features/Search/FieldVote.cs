namespace Marketplace.Web.Features.Search;

/// <summary>
/// Re-ranks the best hits of a text search by the technical field they agree on. A query's strongest hits mostly
/// share a main IPC subclass; a hit in that subclass is more likely about the query's subject than one that shares a
/// few words from another field. Each of the top <see cref="Voters"/> hits votes for its subclass with its score; the
/// first <see cref="Window"/> hits are then ordered by score × (1 + <see cref="Strength"/> × their subclass's share of
/// the votes). Hits beyond the window keep their order and score, so paging past it is unaffected. Both engines
/// apply it to their own scores.
/// </summary>
public static class FieldVote
{
    public const int Window = 200, Voters = 10;
    public const double Strength = 16;

    /// <summary>A subclass holding at least this share of the votes of a query's full matches is the query's field:
    /// listings there that match any of its units are candidates too (<see cref="NearFields"/>).</summary>
    public const double NearShare = 0.25;

    /// <summary>Full matches outrank partial ones in the query's field by this factor before the vote.</summary>
    public const float FullMatchBoost = 2;

    /// <summary>Whether a query looks for its field: a typed query by relevance whose plan needs more than one unit (with
    /// one unit, any unit is all of them). Its full matches are boosted by <see cref="FullMatchBoost"/>, and listings in
    /// the fields its best full matches agree on (<see cref="NearFields"/>) that match any of its units are hits too.</summary>
    public static bool LooksForField(SearchQuery q) =>
        q is { Match: TextMatch.Typed, Sort: SearchSort.Relevance, NumberKeys.Count: 0 } && !string.IsNullOrWhiteSpace(q.Text)
        && Planning.QueryPlanner.Plan(q.Text).CanRelax;

    /// <summary>Whether a query still has to find its fields: an engine that sends the fields with the query
    /// (Elasticsearch) asks for the best full matches first.</summary>
    public static bool SeeksNearFields(SearchQuery q) => q.NearFields.Count == 0 && LooksForField(q);

    /// <summary>
    /// The fields a query's full matches agree on (pseudo-relevance feedback from the catalog's own IPC codes): the
    /// main subclasses holding at least <see cref="NearShare"/> of the score of the best <see cref="Voters"/> hits.
    /// </summary>
    public static IReadOnlyList<string> NearFields<T>(IReadOnlyList<T> ranked, Func<T, double> score, Func<T, string?> field)
    {
        var voters = ranked.Take(Voters).Where(h => !string.IsNullOrEmpty(field(h))).ToList();
        var total = voters.Sum(score);
        if (total <= 0) return [];
        return voters.GroupBy(h => field(h)!).Select(g => (Field: g.Key, Share: g.Sum(score) / total))
            .Where(f => f.Share >= NearShare).OrderByDescending(f => f.Share).ThenBy(f => f.Field, StringComparer.Ordinal)
            .Select(f => f.Field).ToList();
    }

    /// <summary>The hits in their new order with their adjusted scores.</summary>
    public static List<(T Hit, double Score)> Rerank<T>(IReadOnlyList<T> ranked, Func<T, double> score, Func<T, string?> field)
    {
        var voters = ranked.Take(Voters).Where(h => !string.IsNullOrEmpty(field(h))).ToList();
        var total = voters.Sum(score);
        var votes = voters.GroupBy(h => field(h)!).ToDictionary(g => g.Key, g => total > 0 ? g.Sum(score) / total : 0);
        double Adjusted(T h) => score(h) * (1 + Strength * (field(h) is { Length: > 0 } f ? votes.GetValueOrDefault(f) : 0));
        return
        [
            .. ranked.Take(Window).Select((h, i) => (Hit: h, Score: Adjusted(h), Rank: i))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Rank).Select(x => (x.Hit, x.Score)),
            .. ranked.Skip(Window).Select(h => (h, score(h))),
        ];
    }
}
