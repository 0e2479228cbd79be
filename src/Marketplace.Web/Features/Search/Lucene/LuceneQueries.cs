using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>
/// Builds Lucene queries from a <see cref="SearchQuery"/> without Lucene's query syntax: the user's text is only
/// ever analysed into terms, so characters such as <c>&amp; | ! ( " *</c> are plain text, never operators.
/// </summary>
internal static class LuceneQueries
{
    public static Query Build(SearchQuery q, Query? text)
    {
        var root = new BooleanQuery();
        root.Add(text ?? new MatchAllDocsQuery(), Occur.MUST);
        AddAnyOf(root, LuceneSchema.Type, q.Types);
        AddAnyOf(root, LuceneSchema.Mode, q.Modes);
        AddAnyOf(root, LuceneSchema.Owner, q.Owners.Select(o => o.ToString()));
        AddAnyOf(root, LuceneSchema.OwnerType, q.OwnerTypes);
        AddAnyOf(root, LuceneSchema.LegalStatus, q.LegalStatuses);
        if (q.Ipc.Count > 0)
        {
            var ipc = new BooleanQuery();
            foreach (var prefix in q.Ipc)
                ipc.Add(new TermQuery(new Term(prefix.Length == 1 ? LuceneSchema.IpcSection : LuceneSchema.IpcClass, prefix[..Math.Min(3, prefix.Length)])), Occur.SHOULD);
            root.Add(ipc, Occur.MUST);
        }
        if (q.Sleeping is { } sleeping) root.Add(new TermQuery(new Term(LuceneSchema.Sleeping, sleeping ? "true" : "false")), Occur.MUST);
        if (q.MinRemainingMonths is not null || q.MaxRemainingMonths is not null)
            root.Add(NumericRangeQuery.NewInt32Range(LuceneSchema.RemainingMonths, q.MinRemainingMonths, q.MaxRemainingMonths, true, true), Occur.MUST);
        if (q.MinPrice is not null || q.MaxPrice is not null)
            root.Add(NumericRangeQuery.NewInt64Range(LuceneSchema.Price, (long?)(q.MinPrice * 100), (long?)(q.MaxPrice * 100), true, true), Occur.MUST);
        return root;
    }

    /// <summary>Each field's own analyser turns the text into terms; a document matches when any term matches in
    /// any field, and scores higher the more terms match and the more they match in titles.</summary>
    public static Query? TextQuery(string? text, Analyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var query = new BooleanQuery();
        foreach (var (field, boost) in LuceneSchema.TextFields)
        {
            var terms = Terms(analyzer, field, text);
            if (terms.Count == 0) continue;
            var fieldQuery = new BooleanQuery { Boost = boost };
            foreach (var term in terms) fieldQuery.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            query.Add(fieldQuery, Occur.SHOULD);
        }
        // Text that analyses to nothing (only punctuation, say) matches nothing rather than everything.
        return query.Clauses.Count > 0 ? query : new BooleanQuery { { new TermQuery(new Term(LuceneSchema.Id, "\u0000")), Occur.MUST } };
    }

    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(attribute.ToString());
        stream.End();
        return terms.Distinct().ToList();
    }

    private static void AddAnyOf(BooleanQuery root, string field, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return;
        var any = new BooleanQuery();
        foreach (var value in list) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        root.Add(any, Occur.MUST);
    }

    public static Sort? SortFor(SearchSort sort) => sort switch
    {
        SearchSort.Newest => new Sort(new SortField(LuceneSchema.PublishedAt, SortFieldType.INT64, reverse: true)),
        SearchSort.RemainingTerm => new Sort(new SortField(LuceneSchema.RemainingMonths, SortFieldType.INT64, reverse: true)),
        SearchSort.PriceLow => new Sort(Missing(new SortField(LuceneSchema.Price, SortFieldType.INT64), long.MaxValue)),
        SearchSort.PriceHigh => new Sort(Missing(new SortField(LuceneSchema.Price, SortFieldType.INT64, reverse: true), long.MinValue)),
        _ => null,
    };

    /// <summary>Listings without a price ("negotiable") sort last either way.</summary>
    private static SortField Missing(SortField field, long value)
    {
        field.SetMissingValue(value);
        return field;
    }
}
