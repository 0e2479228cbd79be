using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Lucene;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Marketplace.Web.Features.SavedSearches;

/// <summary>
/// Runs the saved searches against the one new listing, not the listing against the catalog: the listing becomes a
/// single-document <see cref="MemoryIndex"/>, built from the same Lucene document and analysers as the catalog's index,
/// and each saved search is the same Lucene query the search page would send (<see cref="LuceneQueries"/>), compiled once
/// per version of the search. A search finds the listing here exactly when it would find it in the catalog.
/// </summary>
public sealed class LucenePercolator : ISavedSearchPercolator, IDisposable
{
    private readonly ThreadLocal<Analyzer> _analyzer = new(() => LuceneSchema.CreateAnalyzer(), trackAllValues: true);
    private readonly ThreadLocal<Analyzer> _queryAnalyzer = new(() => LuceneSchema.CreateAnalyzer(forQuery: true), trackAllValues: true);
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Version, LuceneQuery Query)> _compiled = new();

    public Task<IReadOnlyList<Guid>> MatchAsync(SearchDocument listing, IReadOnlyList<SavedSearchQuery> searches, CancellationToken ct)
    {
        var index = Index(listing);
        var matches = new List<Guid>();
        foreach (var search in searches)
        {
            ct.ThrowIfCancellationRequested();
            if (index.Search(Compiled(search)) > 0f) matches.Add(search.Id);
        }
        return Task.FromResult<IReadOnlyList<Guid>>(matches);
    }

    /// <summary>Forgets searches that were deleted (the cache would otherwise keep every search ever run).</summary>
    public void Retain(IReadOnlyCollection<Guid> live)
    {
        foreach (var id in _compiled.Keys.Where(id => !live.Contains(id)).ToList()) _compiled.TryRemove(id, out _);
    }

    private LuceneQuery Compiled(SavedSearchQuery search)
    {
        if (_compiled.TryGetValue(search.Id, out var known) && known.Version == search.UpdatedAt) return known.Query;
        var query = LuceneQueries.Build(search.Query, LuceneQueries.TextQuery(search.Query, _queryAnalyzer.Value!));
        _compiled[search.Id] = (search.UpdatedAt, query);
        return query;
    }

    /// <summary>The listing's indexed fields; a field with several values (IPC classes, modes) goes in as one keyword stream,
    /// as a memory index takes each field once.</summary>
    private MemoryIndex Index(SearchDocument listing)
    {
        var index = new MemoryIndex();
        var analyzer = _analyzer.Value!;
        foreach (var group in LuceneSchema.ToDocument(listing).Fields.Where(f => f.IndexableFieldType.IsIndexed).GroupBy(f => f.Name))
        {
            var fields = group.ToList();
            if (fields.Count == 1) index.AddField(group.Key, fields[0].GetTokenStream(analyzer));
            else index.AddField(group.Key, index.KeywordTokenStream(fields.Select(f => f.GetStringValue()).ToList()));
        }
        return index;
    }

    public void Dispose()
    {
        foreach (var analyzer in _analyzer.Values.Concat(_queryAnalyzer.Values)) analyzer.Dispose();
        _analyzer.Dispose();
        _queryAnalyzer.Dispose();
    }
}
