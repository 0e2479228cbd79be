using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Marketplace.Web.Features.Search.Planning;
using Microsoft.Extensions.Options;
using Directory = Lucene.Net.Store.Directory;

namespace Marketplace.Web.Features.Search.Lucene;

public sealed class LuceneOptions
{
    /// <summary>Where this instance keeps its index; each instance has its own and follows the feed itself.</summary>
    public string IndexPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "data", "index");
}

/// <summary>
/// The embedded engine: an on-disk Lucene.Net index in this instance's data folder. One writer, and a
/// SearcherManager that hands out searchers over the last commit; the feed position and schema version are
/// stored in the commit's user data, so they are exactly as durable as the documents.
/// </summary>
public sealed class LuceneEngine : ISearchEngine, IDisposable
{
    private const string CheckpointKey = "checkpoint", SchemaKey = "schema";

    /// <summary>A commit of at least this many writes (a rebuild, a large import) is first merged into one segment.</summary>
    public const int BulkWrites = 1_000;
    private readonly Directory _directory;
    private readonly Analyzer _analyzer = LuceneSchema.CreateAnalyzer();
    private readonly Analyzer _queryAnalyzer = LuceneSchema.CreateAnalyzer(forQuery: true);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly bool _existedWithSchema;
    private string? _committed;
    private int _uncommitted;

    public LuceneEngine(IOptions<LuceneOptions> options)
    {
        System.IO.Directory.CreateDirectory(options.Value.IndexPath);
        _directory = FSDirectory.Open(options.Value.IndexPath);
        var existed = DirectoryReader.IndexExists(_directory);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneSchema.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND, Similarity = LuceneSchema.Similarity,
            // Every term of a query opens its postings once per segment, and a typed query has about a hundred terms:
            // the 18 segments a rebuild of 100,000 listings left made each search allocate 26 MB and take four times as
            // long as on one segment. So a bulk write ends merged (ApplyAsync), and the small segments of later changes
            // are kept few: all under 16 MB count as one tier, merged four at a time.
            RAMBufferSizeMB = 64,
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = 4, MaxMergeAtOnce = 4, FloorSegmentMB = 16 },
        });
        _existedWithSchema = existed && CommitData().GetValueOrDefault(SchemaKey) == ISearchEngine.SchemaVersion.ToString();
        if (!_existedWithSchema)
        {
            _writer.DeleteAll();
            Commit(null);
        }
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25Searchers());
    }

    public Task<bool> EnsureIndexAsync(CancellationToken ct) => Task.FromResult(_existedWithSchema);

    /// <summary>Commits (and shows the changes to searches) when the feed position moves; batches that share a
    /// position, such as those of a rebuild, are committed together by the call that moves it.</summary>
    public Task ApplyAsync(IReadOnlyList<SearchDocument> upserts, IReadOnlyList<Guid> deletes, string checkpoint, CancellationToken ct)
    {
        foreach (var doc in upserts) _writer.UpdateDocument(new Term(LuceneSchema.Id, doc.ListingId.ToString()), LuceneSchema.ToDocument(doc));
        foreach (var id in deletes) _writer.DeleteDocuments(new Term(LuceneSchema.Id, id.ToString()));
        _uncommitted += upserts.Count + deletes.Count;
        if (checkpoint == _committed) return Task.CompletedTask;
        if (_uncommitted >= BulkWrites) _writer.ForceMerge(1);
        Commit(checkpoint);
        _searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<string?> CheckpointAsync(CancellationToken ct) => Task.FromResult(CommitData().GetValueOrDefault(CheckpointKey));

    public Task ClearAsync(CancellationToken ct)
    {
        _writer.DeleteAll();
        Commit(null);
        _searchers.MaybeRefreshBlocking();
        return Task.CompletedTask;
    }

    public Task<SearchResult> SearchAsync(SearchQuery q, CancellationToken ct)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var text = LuceneQueries.TextQuery(q, _queryAnalyzer);
            var want = q.Page * q.PageSize;
            var sort = LuceneQueries.SortFor(q.Sort);
            // A text search by relevance re-ranks its best hits by field (FieldVote); collect enough to fill that window.
            var vote = sort is null && text is not null && (q.Page - 1) * q.PageSize < FieldVote.Window;
            var collect = vote ? Math.Max(want, FieldVote.Window) : want;
            var facets = new FacetCollector();
            // Each term looked up once for the strict pass, the near pass and the facet recounts.
            var states = new TermStates(searcher);
            var (ranked, total) = Collect(searcher, states.Resolve(LuceneQueries.Build(q, text)), sort, collect, facets);
            var counted = text;
            // The query's field first: its best full matches name the fields, and the near matches there are a second
            // pass over the same facets (the two sets are disjoint), so the full matches are scored once.
            if (FieldVote.LooksForField(q) && NearQuery(searcher, q, ranked) is { } near)
            {
                var (nearRanked, nearTotal) = Collect(searcher, states.Resolve(LuceneQueries.Build(q, near)), null, collect, facets);
                ranked = [.. ranked.Concat(nearRanked).OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(collect)];
                total += nearTotal;
                counted = new BooleanQuery { { text!, Occur.SHOULD }, { near, Occur.SHOULD } };
            }
            var ordered = vote
                ? FieldVote.Rerank(ranked, d => d.Score, d => LuceneHits.MainSubclass(searcher, d.Doc))
                : ranked.Select(d => (Hit: d, Score: (double)d.Score)).ToList();
            var hits = new LuceneHits(searcher, q);
            var page = ordered.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).Select(d => hits.Hit(d.Hit.Doc, d.Score)).ToList();
            return Task.FromResult(new SearchResult(page, total, OwnFilterIgnored(searcher, states, q, counted, facets.Result())));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    // In document order: a collector that accepts documents out of order lets Lucene score a disjunction with
    // BooleanScorer, whose bucket table is 2,048 objects (about 80 KB), and it builds one for every nested disjunction
    // before it finds a required clause and falls back to in-order scoring anyway: a fifth of all the engine
    // allocated per search (`bench engine` with ENGINE_ALLOCATIONS=1), and each gen0 collection pauses the requests.
    private static (ScoreDoc[] Ranked, int Total) Collect(IndexSearcher searcher, Query query, Sort? sort, int collect, FacetCollector facets)
    {
        ITopDocsCollector top = sort is null
            ? TopScoreDocCollector.Create(collect, docsScoredInOrder: true)
            : TopFieldCollector.Create(sort, collect, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
        searcher.Search(query, MultiCollector.Wrap((ICollector)top, facets));
        return (top.GetTopDocs(0, collect).ScoreDocs, top.TotalHits);
    }

    /// <summary>The near matches' query (<see cref="LuceneQueries.NearQuery"/>) in the fields the best full matches
    /// agree on (<see cref="FieldVote.NearFields"/>); null when they agree on none.</summary>
    private Query? NearQuery(IndexSearcher searcher, SearchQuery q, IReadOnlyList<ScoreDoc> ranked)
    {
        var fields = FieldVote.NearFields(ranked, d => d.Score, d => LuceneHits.MainSubclass(searcher, d.Doc));
        return fields.Count == 0 ? null : LuceneQueries.NearQuery(QueryPlanner.Plan(q.Text), _queryAnalyzer, fields);
    }

    public Task<IReadOnlyList<KeyTerm>> KeyTermsAsync(string text, int max, CancellationToken ct)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return Task.FromResult(LuceneHits.KeyTerms(searcher.IndexReader, _queryAnalyzer, text, max));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// A facet with a selection counts as if nothing were selected in it (every other filter still applies), so a
    /// visitor who ticked "Invention" still sees how many utility models there are — as the Elasticsearch engine's
    /// post_filter does. Each such facet costs one more pass over the hits; facets without a selection keep the
    /// counts of the main pass.
    /// </summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> OwnFilterIgnored(
        IndexSearcher searcher, TermStates states, SearchQuery q, Query? text, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> counts)
    {
        (string[] Facets, bool Selected, SearchQuery Without)[] selections =
        [
            ([SearchFacets.Type], q.Types.Count > 0, q with { Types = [] }),
            ([SearchFacets.Mode], q.Modes.Count > 0, q with { Modes = [] }),
            ([SearchFacets.Owner], q.Owners.Count > 0, q with { Owners = [] }),
            ([SearchFacets.OwnerType], q.OwnerTypes.Count > 0, q with { OwnerTypes = [] }),
            ([SearchFacets.LegalStatus], q.LegalStatuses.Count > 0, q with { LegalStatuses = [] }),
            ([SearchFacets.Sleeping], q.Sleeping is not null, q with { Sleeping = null }),
            ([SearchFacets.Locarno], q.Locarno.Count > 0, q with { Locarno = [] }),
            ([SearchFacets.IpcSection, SearchFacets.IpcClass], q.Ipc.Count > 0, q with { Ipc = [] }),
            ([SearchFacets.RemainingTerm], q.MinRemainingMonths is not null || q.MaxRemainingMonths is not null,
                q with { MinRemainingMonths = null, MaxRemainingMonths = null }),
            ([SearchFacets.Price], q.MinPrice is not null || q.MaxPrice is not null, q with { MinPrice = null, MaxPrice = null }),
        ];
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(counts);
        foreach (var (facets, selected, without) in selections)
        {
            if (!selected) continue;
            var collector = new FacetCollector();
            searcher.Search(states.Resolve(LuceneQueries.Build(without, text)), collector);
            var recount = collector.Result();
            foreach (var facet in facets) result[facet] = recount[facet];
        }
        return result;
    }

    public Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max, CancellationToken ct)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var query = new BooleanQuery
            {
                { new PrefixQuery(new Term(LuceneSchema.TitleKey, prefix)) { Boost = 2f }, Occur.SHOULD },
                { new PrefixQuery(new Term(LuceneSchema.TitleKey, prefix.ToLowerInvariant())), Occur.SHOULD },
            };
            if (LuceneQueries.TextQuery(SearchQuery.All() with { Text = prefix }, _queryAnalyzer) is { } words) query.Add(words, Occur.SHOULD);
            var titles = searcher.Search(query, max * 3).ScoreDocs
                .Select(hit => searcher.Doc(hit.Doc).Get(LuceneSchema.TitleZh))
                .Distinct().Take(max).ToList();
            return Task.FromResult<IReadOnlyList<string>>(titles);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private Dictionary<string, string> CommitData()
    {
        if (!DirectoryReader.IndexExists(_directory)) return new Dictionary<string, string>();
        var infos = new SegmentInfos();
        infos.Read(_directory);
        return new Dictionary<string, string>(infos.UserData ?? new Dictionary<string, string>());
    }

    private void Commit(string? checkpoint)
    {
        var data = new Dictionary<string, string> { [SchemaKey] = ISearchEngine.SchemaVersion.ToString() };
        if (checkpoint is not null) data[CheckpointKey] = checkpoint;
        _writer.SetCommitData(data);
        _writer.Commit();
        _committed = checkpoint;
        _uncommitted = 0;
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _queryAnalyzer.Dispose();
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = LuceneSchema.Similarity };
    }
}
