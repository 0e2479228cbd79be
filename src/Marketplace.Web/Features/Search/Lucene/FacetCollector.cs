using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>
/// Counts facet values over every hit as the search collects it, from the hits' doc values (Lucene.Net.Facet is
/// not available here). Counts are per segment ordinal, turned into terms once per segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, Dictionary<string, long>> _counts = LuceneSchema.TermFacets.ToDictionary(f => f.Facet, _ => new Dictionary<string, long>());
    private readonly long[] _remaining = new long[SearchFacets.RemainingTermBuckets.Length];
    private readonly long[] _price = new long[SearchFacets.PriceBuckets.Length];
    private long _negotiable;
    private (string Facet, SortedSetDocValues Values, long[] Counts)[] _segment = [];
    private NumericDocValues? _remainingValues, _priceValues;
    private IBits? _hasPrice;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) { }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _segment = LuceneSchema.TermFacets
            .Select(f => (f.Facet, reader.GetSortedSetDocValues(f.Field)))
            .Where(f => f.Item2 is not null)
            .Select(f => (f.Facet, f.Item2!, new long[f.Item2!.ValueCount]))
            .ToArray();
        _remainingValues = reader.GetNumericDocValues(LuceneSchema.RemainingMonths);
        _priceValues = reader.GetNumericDocValues(LuceneSchema.Price);
        _hasPrice = reader.GetDocsWithField(LuceneSchema.Price);
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, counts) in _segment)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) counts[ord]++;
        }
        if (_remainingValues is not null) Bucket(_remaining, _remainingValues.Get(doc), SearchFacets.RemainingTermBuckets.Select(b => ((long)b.From, (long)b.To)));
        if (_priceValues is not null && _hasPrice is not null && _hasPrice.Get(doc))
            Bucket(_price, _priceValues.Get(doc), SearchFacets.PriceBuckets.Select(b => ((long)(b.From * 100), b.To == decimal.MaxValue ? long.MaxValue : (long)(b.To * 100))));
        else _negotiable++;
    }

    private static void Bucket(long[] counts, long value, IEnumerable<(long From, long To)> buckets)
    {
        var i = 0;
        foreach (var (from, to) in buckets)
        {
            if (value >= from && value < to) { counts[i]++; return; }
            i++;
        }
    }

    private void Flush()
    {
        foreach (var (facet, values, counts) in _segment)
        {
            var target = _counts[facet];
            var term = new BytesRef();
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                target[key] = target.GetValueOrDefault(key) + counts[ord];
            }
        }
        _segment = [];
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
