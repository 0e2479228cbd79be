using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Marketplace.Web.Features.Search.Planning;

namespace Marketplace.Web.Features.Search.Lucene;

/// <summary>Turns the documents of one search into hits: stored fields, highlights and, for matchmaking, the key
/// terms each listing holds (read from its term vectors). Also the catalog-wide term statistics behind key terms.</summary>
internal sealed class LuceneHits(IndexSearcher searcher, SearchQuery query)
{
    private readonly Highlights _highlights = Highlights.For(query);

    public SearchHit Hit(int docId, double score)
    {
        var doc = searcher.Doc(docId);
        var titleZh = doc.Get(LuceneSchema.TitleZh);
        var titleEn = doc.Get(LuceneSchema.TitleEn);
        var abstractZh = doc.Get(LuceneSchema.AbstractZh);
        var title = _highlights.Whole(titleZh) ?? _highlights.Whole(titleEn) ?? WebUtility.HtmlEncode(titleZh);
        var snippet = _highlights.Snippet(abstractZh) ?? _highlights.Snippet(doc.Get(LuceneSchema.AbstractEn))
            ?? WebUtility.HtmlEncode(abstractZh.Length > Highlights.SnippetLength ? abstractZh[..Highlights.SnippetLength] + "…" : abstractZh);
        return new SearchHit(
            Guid.Parse(doc.Get(LuceneSchema.Id)), Guid.Parse(doc.Get(LuceneSchema.PatentId)), doc.Get(LuceneSchema.ApplicationNumber),
            titleZh, titleEn, title, snippet,
            doc.Get(LuceneSchema.TypeStored), doc.Get(LuceneSchema.Modes).Split(',', StringSplitOptions.RemoveEmptyEntries),
            doc.Get(LuceneSchema.OwnerNameZh), doc.Get(LuceneSchema.OwnerNameEn), doc.Get(LuceneSchema.SleepingStored) == "true",
            LuceneSchema.RemainingOf(doc), LuceneSchema.PriceOf(doc), double.IsNaN(score) ? 0 : score)
        {
            IpcCodes = doc.Get(LuceneSchema.IpcCodes)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            MatchedTerms = query.Match == TextMatch.Similar ? Matched(docId, LuceneSchema.TitleZh, LuceneSchema.AbstractZh) : [],
            TitleTerms = query.Match == TextMatch.Similar ? Matched(docId, LuceneSchema.TitleZh) : [],
        };
    }

    /// <summary>The key terms found in any of the fields.</summary>
    private List<string> Matched(int docId, params string[] fieldNames)
    {
        var vectors = searcher.IndexReader.GetTermVectors(docId);
        var fields = fieldNames.Select(f => vectors?.GetTerms(f)?.GetEnumerator()).OfType<TermsEnum>().ToList();
        return query.KeyTerms.Where(k => fields.Any(f => f.SeekExact(new BytesRef(k.Term)))).Select(k => k.Term).ToList();
    }

    /// <summary>The main IPC subclass of a document (empty when it has none), from doc values.</summary>
    public static string MainSubclass(IndexSearcher searcher, int docId)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var values = leaf.AtomicReader.GetSortedDocValues(LuceneSchema.MainSubclass);
        if (values is null) return "";
        var bytes = new BytesRef();
        values.Get(docId - leaf.DocBase, bytes);
        return bytes.Utf8ToString();
    }

    /// <summary>The text's key terms (<see cref="KeyTermSelection"/>) with this index's document frequencies.</summary>
    public static IReadOnlyList<KeyTerm> KeyTerms(IndexReader reader, Analyzer analyzer, string text, int max)
    {
        var counts = LuceneQueries.Tokens(analyzer, LuceneSchema.AbstractZh, KeyTermSelection.Capped(text)).GroupBy(t => t);
        return KeyTermSelection.Select(counts.Select(c => (c.Key, c.Count(),
            (long)reader.DocFreq(new Term(LuceneSchema.TitleZh, c.Key)) + reader.DocFreq(new Term(LuceneSchema.AbstractZh, c.Key)))), reader.NumDocs, max);
    }
}
