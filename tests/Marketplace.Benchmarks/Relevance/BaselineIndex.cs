using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Marketplace.Benchmarks.Relevance;

/// <summary>
/// The baseline: Lucene's own <see cref="CJKAnalyzer"/> (overlapping character bigrams, as Elasticsearch's cjk analyzer
/// and PostgreSQL's pg_bigm index Chinese) with BM25 over title and abstract, every query term optional (OR), as
/// plain as such a setup is deployed. Held in memory; ids are the records' ids.
/// </summary>
internal sealed class BaselineIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public BaselineIndex(IEnumerable<RealRecord> records)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var r in records)
                writer.AddDocument(new Document
                {
                    new StringField("id", r.Id, Field.Store.YES),
                    new TextField("title", r.Title, Field.Store.NO),
                    new TextField("abstract", r.Abstract, Field.Store.NO),
                });
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IReadOnlyList<string> Search(string text, int max)
    {
        var query = new BooleanQuery();
        foreach (var field in new[] { "title", "abstract" })
        foreach (var term in Terms(text).Take(BooleanQuery.MaxClauseCount / 2))
            query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        if (query.Clauses.Count == 0) return [];
        return _searcher.Search(query, max).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get("id")).ToList();
    }

    private List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("title", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms.Distinct().ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
