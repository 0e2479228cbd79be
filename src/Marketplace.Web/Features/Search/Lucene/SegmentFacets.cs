using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>
/// A segment's facet values held as plain arrays, read once from its doc values and kept while the segment lives
/// (segments are immutable). Reading Lucene.Net's packed doc values for every hit of every query costs about
/// half a microsecond per hit; an array read costs a few nanoseconds, which is what makes facet counts over
/// 100,000 listings affordable per query.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    /// <summary>Facet ordinals of document d are Ords[Start[d]..Start[d + 1]].</summary>
    public required int[] Start { get; init; }
    public required int[] Ords { get; init; }
    /// <summary>(facet name, value) of each ordinal.</summary>
    public required (string Facet, string Value)[] Terms { get; init; }
    public required int[] RemainingMonths { get; init; }
    /// <summary>Price in cents, or -1 when negotiable.</summary>
    public required long[] PriceCents { get; init; }

    public static SegmentFacets For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Build(reader));

    private static SegmentFacets Build(AtomicReader reader)
    {
        var max = reader.MaxDoc;
        var start = new int[max + 1];
        var ords = new List<int>(max * 8);
        var values = reader.GetSortedSetDocValues(LuceneSchema.Facets);
        for (var doc = 0; doc < max; doc++)
        {
            start[doc] = ords.Count;
            if (values is null) continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ords.Add((int)ord);
        }
        start[max] = ords.Count;
        var terms = new (string, string)[values?.ValueCount ?? 0];
        var bytes = new BytesRef();
        for (var ord = 0; ord < terms.Length; ord++)
        {
            values!.LookupOrd(ord, bytes);
            var key = bytes.Utf8ToString();
            var split = key.IndexOf(LuceneSchema.FacetSeparator);
            terms[ord] = (key[..split], key[(split + 1)..]);
        }
        var remaining = new int[max];
        var price = new long[max];
        var remainingValues = reader.GetNumericDocValues(LuceneSchema.RemainingMonths);
        var priceValues = reader.GetNumericDocValues(LuceneSchema.Price);
        var hasPrice = reader.GetDocsWithField(LuceneSchema.Price);
        for (var doc = 0; doc < max; doc++)
        {
            remaining[doc] = (int)(remainingValues?.Get(doc) ?? 0);
            price[doc] = priceValues is not null && hasPrice is not null && hasPrice.Get(doc) ? priceValues.Get(doc) : -1;
        }
        return new SegmentFacets { Start = start, Ords = [.. ords], Terms = terms, RemainingMonths = remaining, PriceCents = price };
    }
}
