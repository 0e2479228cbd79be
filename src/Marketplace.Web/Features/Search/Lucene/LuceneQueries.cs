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
        AddAnyOf(root, LuceneSchema.Locarno, q.Locarno);
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

    /// <summary>
    /// Every word the user typed must match (words are what the user separated by spaces; 船舶导航 is one word that
    /// SmartCn splits into 船舶 and 导航), each in any field, through that field's own analyser: SmartCn for Chinese,
    /// stemming English for English. Titles count three times as much. Requiring every word keeps results precise
    /// (a lone 低 would otherwise match every abstract that says 成本低) and keeps the hit set small enough to facet.
    /// </summary>
    public static Query? TextQuery(string? text, Analyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var all = new BooleanQuery();
        foreach (var word in text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct().Take(16))
        {
            var anyField = new BooleanQuery();
            foreach (var (field, boost) in LuceneSchema.TextFields)
            {
                var terms = Terms(analyzer, field, word);
                if (terms.Count == 0) continue;
                var inField = new BooleanQuery { Boost = boost };
                foreach (var term in terms) inField.Add(new TermQuery(new Term(field, term)), Occur.MUST);
                anyField.Add(inField, Occur.SHOULD);
            }
            // A "word" that analyses to nothing (only punctuation, say) does not restrict the search.
            if (anyField.Clauses.Count > 0) all.Add(anyField, Occur.MUST);
        }
        // Text with no searchable word at all matches nothing rather than everything.
        return all.Clauses.Count > 0 ? all : new BooleanQuery { { new TermQuery(new Term(LuceneSchema.Id, "\u0000")), Occur.MUST } };
    }

    /// <summary>
    /// Any analysed term of the text, in any text field, with the field's boost: for matching a need's description
    /// against listings, where requiring every word would match nothing. Lucene's scoring (rarer and more shared
    /// terms score higher) does the ranking.
    /// </summary>
    public static Query? AnyWordQuery(string? text, Analyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var any = new BooleanQuery();
        foreach (var (field, boost) in LuceneSchema.TextFields)
        foreach (var term in Terms(analyzer, field, text).Take(BooleanQuery.MaxClauseCount / LuceneSchema.TextFields.Length))
            any.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        return any.Clauses.Count > 0 ? any : new BooleanQuery { { new TermQuery(new Term(LuceneSchema.Id, "\u0000")), Occur.MUST } };
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
