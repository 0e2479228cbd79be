namespace Marketplace.Web.Features.Search;

/// <summary>
/// One published listing as the search engines index it: the listing's offer and its patent's text, flattened.
/// Both engines (Lucene.Net embedded, Elasticsearch) index exactly these fields.
/// </summary>
public sealed record SearchDocument(
    Guid ListingId,
    Guid PatentId,
    string ApplicationNumber,
    string TitleZh,
    string? TitleEn,
    string AbstractZh,
    string? AbstractEn,
    IReadOnlyList<string> IpcCodes,
    /// <summary>Words describing the IPC subclasses, Chinese and English (e.g. 船舶 ships), to match plain-language queries.</summary>
    string IpcText,
    Guid OwnerOrganizationId,
    string OwnerNameZh,
    string? OwnerNameEn,
    /// <summary>University, Enterprise, …</summary>
    string OwnerType,
    IReadOnlyList<string> Inventors,
    /// <summary>Invention, UtilityModel, Design.</summary>
    string PatentType,
    /// <summary>Pending, Valid, Lapsed.</summary>
    string LegalStatus,
    /// <summary>Licence, OpenLicence, Equity, Transfer.</summary>
    IReadOnlyList<string> Modes,
    bool Sleeping,
    int RemainingMonths,
    /// <summary>The lowest amount asked in any mode (lump sum, open-licence fee, valuation, transfer price), CNY; null when all are negotiable.</summary>
    decimal? Price,
    DateTimeOffset PublishedAt)
{
    /// <summary>A design's Locarno class (e.g. "12-08"); designs have no IPC codes. Stored, and faceted by class ("12").</summary>
    public string? LocarnoClass { get; init; }
}

/// <summary>EveryWord: precise results for a typed query. AnyWord: a long text (a technology need) matched by
/// whatever it shares with a listing, ranked by how much and how rare; for matchmaking, not for the search box.</summary>
public enum TextMatch { EveryWord, AnyWord }

public enum SearchSort { Relevance, Newest, RemainingTerm, PriceLow, PriceHigh }

/// <summary>
/// A validated query. Multi-valued filters are OR within a facet and AND across facets. IPC filters are
/// prefixes: a section ("B") or a class ("B63").
/// </summary>
public sealed record SearchQuery(
    string? Text,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Ipc,
    IReadOnlyList<string> Modes,
    IReadOnlyList<Guid> Owners,
    IReadOnlyList<string> OwnerTypes,
    IReadOnlyList<string> LegalStatuses,
    bool? Sleeping,
    int? MinRemainingMonths,
    int? MaxRemainingMonths,
    decimal? MinPrice,
    decimal? MaxPrice,
    SearchSort Sort,
    int Page,
    int PageSize)
{
    /// <summary>How typed text matches: the search box wants every word; matchmaking, any of the need's words.</summary>
    public TextMatch Match { get; init; } = TextMatch.EveryWord;

    /// <summary>Locarno classes of designs ("12"), OR within the facet.</summary>
    public IReadOnlyList<string> Locarno { get; init; } = [];

    public static SearchQuery All(int page = 1, int pageSize = 20) =>
        new(null, [], [], [], [], [], [], null, null, null, null, null, SearchSort.Relevance, page, pageSize);
}

/// <summary>A hit. Highlights are HTML: the indexed text encoded, with matches wrapped in &lt;mark&gt;.</summary>
public sealed record SearchHit(
    Guid ListingId, Guid PatentId, string ApplicationNumber, string TitleZh, string? TitleEn,
    string HighlightedTitle, string HighlightedSnippet, string PatentType, IReadOnlyList<string> Modes,
    string OwnerNameZh, string? OwnerNameEn, bool Sleeping, int RemainingMonths, decimal? Price, double Score);

public sealed record FacetValue(string Value, long Count);

/// <summary>Facets are computed over all hits of the query (not just the page), keyed by
/// <see cref="SearchFacets"/> names.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, long Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

public static class SearchFacets
{
    public const string Type = "type", IpcSection = "ipcSection", IpcClass = "ipcClass", Mode = "mode", Owner = "owner",
        OwnerType = "ownerType", LegalStatus = "legalStatus", Sleeping = "sleeping", RemainingTerm = "remainingTerm", Price = "price",
        Locarno = "locarno";

    /// <summary>Remaining-term buckets, in months: under 5 years, 5–10 years, over 10 years.</summary>
    public static readonly (string Key, int From, int To)[] RemainingTermBuckets = [("0-60", 0, 60), ("60-120", 60, 120), ("120+", 120, int.MaxValue)];

    /// <summary>Price buckets, CNY: under 100k, 100k–1M, over 1M, negotiable.</summary>
    public static readonly (string Key, decimal From, decimal To)[] PriceBuckets =
        [("0-100000", 0m, 100_000m), ("100000-1000000", 100_000m, 1_000_000m), ("1000000+", 1_000_000m, decimal.MaxValue)];
    public const string Negotiable = "negotiable";
}

/// <summary>One search engine behind the Search feature. Implementations: Lucene.Net (embedded, default) and Elasticsearch.</summary>
public interface ISearchEngine
{
    /// <summary>The schema the index was built with; a different number makes the indexer rebuild from scratch.</summary>
    const int SchemaVersion = 3;

    /// <summary>Creates the index (or template) if missing; returns false when it had to be created or its schema
    /// version differs, meaning the caller must rebuild it from the database.</summary>
    Task<bool> EnsureIndexAsync(CancellationToken ct);

    /// <summary>Adds or replaces documents and removes listings, then records the feed position as applied.</summary>
    Task ApplyAsync(IReadOnlyList<SearchDocument> upserts, IReadOnlyList<Guid> deletes, string checkpoint, CancellationToken ct);

    /// <summary>The feed position last applied, or null for an empty/new index.</summary>
    Task<string?> CheckpointAsync(CancellationToken ct);

    /// <summary>Drops every document (full reindex starts here).</summary>
    Task ClearAsync(CancellationToken ct);

    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct);

    /// <summary>Title completions for a prefix, most relevant first.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max, CancellationToken ct);
}
