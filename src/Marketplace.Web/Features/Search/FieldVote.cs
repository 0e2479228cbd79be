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
    public const int Window = 50, Voters = 20;
    public const double Strength = 4;

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
