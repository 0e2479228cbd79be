using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Marketplace.Web.Features.Search.Text;

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
        return query.KeyTerms.Where(k => !k.Gram && fields.Any(f => f.SeekExact(new BytesRef(k.Term)))).Select(k => k.Term).ToList();
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

    /// <summary>
    /// More-like-this: the text's SmartCn words (function words and bare numbers left out), each weighted by how often
    /// the text uses it (damped) and how rare it is in titles and abstracts (BM25's idf). Words no listing holds are
    /// left out: they cannot tell listings apart.
    /// </summary>
    public static IReadOnlyList<KeyTerm> KeyTerms(IndexReader reader, Analyzer analyzer, string text, int max, bool grams = false)
    {
        var capped = text.Length > KeyTermChars ? text[..KeyTermChars] : text;
        var (title, body) = grams ? (LuceneSchema.TitleGram, LuceneSchema.AbstractGram) : (LuceneSchema.TitleZh, LuceneSchema.AbstractZh);
        var counts = LuceneQueries.Tokens(analyzer, body, capped).Where(t => t.Length > 1 && !t.All(char.IsAsciiDigit) && !QueryPlanner.IsFunctionWord(t))
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var documents = Math.Max(reader.NumDocs, 1);
        return counts.Select(c =>
            {
                var df = reader.DocFreq(new Term(title, c.Key)) + reader.DocFreq(new Term(body, c.Key));
                var idf = Math.Log(1 + (documents - df + 0.5) / (df + 0.5));
                return (Term: c.Key, Df: df, Weight: idf * (1 + Math.Log(c.Value)));
            })
            .Where(t => t.Df > 0).OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal).Take(max)
            .Select(t => new KeyTerm(t.Term, Math.Round(t.Weight, 3), grams)).ToList();
    }

    /// <summary>How much of a long text key terms are drawn from: a need's title and the start of its description
    /// say what it is about, and the bound keeps a 4,000-character description as cheap as a short one.</summary>
    public const int KeyTermChars = 1000;
}
