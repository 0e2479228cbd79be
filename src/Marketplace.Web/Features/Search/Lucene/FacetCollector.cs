using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>
/// Counts facet values over every hit as the search collects it (Lucene.Net.Facet is not available here), from
/// the per-segment arrays of <see cref="SegmentFacets"/>: counts per ordinal while collecting, turned into
/// values once per segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private static readonly (long From, long To)[] RemainingBounds =
        SearchFacets.RemainingTermBuckets.Select(b => ((long)b.From, b.To == int.MaxValue ? long.MaxValue : b.To)).ToArray();
    private static readonly (long From, long To)[] PriceBounds =
        SearchFacets.PriceBuckets.Select(b => ((long)(b.From * 100), b.To == decimal.MaxValue ? long.MaxValue : (long)(b.To * 100))).ToArray();

    private readonly Dictionary<string, Dictionary<string, long>> _counts = LuceneSchema.TermFacets.ToDictionary(f => f.Facet, _ => new Dictionary<string, long>());
    private readonly long[] _remaining = new long[RemainingBounds.Length];
    private readonly long[] _price = new long[PriceBounds.Length];
    private long _negotiable;
    private SegmentFacets? _segment;
    private long[] _ordCounts = [];

    // False, so the searches it joins are scored in order (see LuceneEngine.Collect).
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _segment = SegmentFacets.For(context.AtomicReader);
        _ordCounts = new long[_segment.Terms.Length];
    }

    public void Collect(int doc)
    {
        var s = _segment!;
        for (var i = s.Start[doc]; i < s.Start[doc + 1]; i++) _ordCounts[s.Ords[i]]++;
        Bucket(_remaining, s.RemainingMonths[doc], RemainingBounds);
        if (s.PriceCents[doc] >= 0) Bucket(_price, s.PriceCents[doc], PriceBounds);
        else _negotiable++;
    }

    private static void Bucket(long[] counts, long value, (long From, long To)[] bounds)
    {
        for (var i = 0; i < bounds.Length; i++)
        {
            if (value >= bounds[i].From && value < bounds[i].To) { counts[i]++; return; }
        }
    }

    private void Flush()
    {
        if (_segment is null) return;
        for (var ord = 0; ord < _ordCounts.Length; ord++)
        {
            if (_ordCounts[ord] == 0) continue;
            var (facet, value) = _segment.Terms[ord];
            var target = _counts[facet];
            target[value] = target.GetValueOrDefault(value) + _ordCounts[ord];
        }
        _segment = null;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result()
    {
        Flush();
        var result = _counts.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)f.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key).Select(v => new FacetValue(v.Key, v.Value)).ToList());
        result[SearchFacets.RemainingTerm] = SearchFacets.RemainingTermBuckets.Select((b, i) => new FacetValue(b.Key, _remaining[i])).ToList();
        result[SearchFacets.Price] = [.. SearchFacets.PriceBuckets.Select((b, i) => new FacetValue(b.Key, _price[i])), new FacetValue(SearchFacets.Negotiable, _negotiable)];
        return result;
    }
}
