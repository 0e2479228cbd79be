using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Marketplace.Web.Features.Search.Lucene;

namespace Marketplace.Web.Tests.Search;

/// <summary>A search looks up each of its terms once (TermStates); the answers must be those Lucene gives when it
/// looks them up itself, over several segments and with terms some segments lack.</summary>
public sealed class TermStatesTests : IDisposable
{
    private readonly RAMDirectory _directory = new();

    [Fact]
    public void Resolved_queries_score_and_rank_as_Lucene_looks_them_up_itself()
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneSchema.Version, new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(LuceneSchema.Version))))
        {
            string[] titles = ["船舶 导航 装置", "船舶 压载水", "导航 芯片", "海水 淡化 膜", "船舶 导航 雷达 导航"];
            foreach (var (title, i) in titles.Select((t, i) => (t, i)))
            {
                writer.AddDocument(new Document { new TextField("t", title, Field.Store.NO), new StringField("k", i % 2 == 0 ? "even" : "odd", Field.Store.NO) });
                writer.Commit(); // a segment per document: terms missing from some segments
            }
        }
        using var reader = DirectoryReader.Open(_directory);
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader);

        Query Build() => new BooleanQuery
        {
            { new TermQuery(new Term("t", "船舶")) { Boost = 2 }, Occur.SHOULD },
            { new DisjunctionMaxQuery(0.1f) { new TermQuery(new Term("t", "导航")), new TermQuery(new Term("t", "雷达")) { Boost = 3 } }, Occur.SHOULD },
            { new ConstantScoreQuery(new BooleanQuery { { new TermQuery(new Term("k", "even")), Occur.SHOULD } }) { Boost = 0 }, Occur.MUST },
            { new TermQuery(new Term("t", "不存在")), Occur.SHOULD },
            { new TermQuery(new Term("t", "淡化")), Occur.MUST_NOT },
        };

        var expected = searcher.Search(Build(), 10).ScoreDocs;
        var states = new TermStates(searcher);
        var once = searcher.Search(states.Resolve(Build()), 10).ScoreDocs;
        var again = searcher.Search(states.Resolve(Build()), 10).ScoreDocs; // the states are reused

        Assert.NotEmpty(expected);
        foreach (var actual in new[] { once, again })
        {
            Assert.Equal(expected.Select(d => d.Doc), actual.Select(d => d.Doc));
            Assert.Equal(expected.Select(d => d.Score), actual.Select(d => d.Score));
        }
    }

    public void Dispose() => _directory.Dispose();
}
