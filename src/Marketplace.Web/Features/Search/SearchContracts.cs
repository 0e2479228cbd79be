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
    /// <summary>CN…A/B/U: found by number like the application number.</summary>
    public string? PublicationNumber { get; init; }
    /// <summary>A design's Locarno class (e.g. "12-08"); designs have no IPC codes. Stored, and faceted by class ("12").</summary>
    public string? LocarnoClass { get; init; }
}

/// <summary>Typed: the search box; a minimum number of the query's units must match, growing with the query
/// (<see cref="Planning.QueryPlan"/>). AnyWord: the same units, any one enough; Characters: any two characters of the text
/// side by side (any bigram) — what a typed query with too few hits relaxes to, in that order.
/// Similar: matchmaking; listings sharing the need's key terms (<see cref="SearchQuery.KeyTerms"/>), more-like-this.</summary>
public enum TextMatch { Typed, AnyWord, Characters, Similar }

/// <summary>A significant term of a long text (a need's description) and its weight: rarer in the catalog and more
/// frequent in the text weigh more (<see cref="KeyTermSelection"/>).</summary>
public sealed record KeyTerm(string Term, double Weight);

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
    /// <summary>How the text matches (see <see cref="TextMatch"/>).</summary>
    public TextMatch Match { get; init; } = TextMatch.Typed;

    /// <summary>For <see cref="TextMatch.Similar"/>: the terms to look for instead of the text's words.</summary>
    public IReadOnlyList<KeyTerm> KeyTerms { get; init; } = [];

    /// <summary>IPC codes that add to a listing's score without filtering (matchmaking: the need's fields).</summary>
    public IReadOnlyList<string> BoostIpc { get; init; } = [];

    /// <summary>Application or publication numbers (<see cref="NumberSearch"/> keys): only these listings match.</summary>
    public IReadOnlyList<string> NumberKeys { get; init; } = [];

    /// <summary>For <see cref="TextMatch.Typed"/>: the IPC subclasses the query's full matches agree on, where a listing
    /// matching any of its units is a hit too (<see cref="FieldVote.NearFields"/>); the engine fills it in.</summary>
    public IReadOnlyList<string> NearFields { get; init; } = [];

    /// <summary>Locarno classes of designs ("12"), OR within the facet.</summary>
    public IReadOnlyList<string> Locarno { get; init; } = [];

    public static SearchQuery All(int page = 1, int pageSize = 20) =>
        new(null, [], [], [], [], [], [], null, null, null, null, null, SearchSort.Relevance, page, pageSize);
}

/// <summary>A hit. Highlights are HTML: the indexed text encoded, with matches wrapped in &lt;mark&gt;.</summary>
public sealed record SearchHit(
    Guid ListingId, Guid PatentId, string ApplicationNumber, string TitleZh, string? TitleEn,
    string HighlightedTitle, string HighlightedSnippet, string PatentType, IReadOnlyList<string> Modes,
    string OwnerNameZh, string? OwnerNameEn, bool Sleeping, int RemainingMonths, decimal? Price, double Score)
{
    /// <summary>The patent's IPC codes, main code first: matchmaking compares fields, the search page offers related ones.</summary>
    public IReadOnlyList<string> IpcCodes { get; init; } = [];

    /// <summary>For <see cref="TextMatch.Similar"/>: which of the query's key terms the listing's title or abstract holds.</summary>
    public IReadOnlyList<string> MatchedTerms { get; init; } = [];

    /// <summary>For <see cref="TextMatch.Similar"/>: those of <see cref="MatchedTerms"/> in the title.</summary>
    public IReadOnlyList<string> TitleTerms { get; init; } = [];
}

public sealed record FacetValue(string Value, long Count);

/// <summary>An IPC subclass the best hits belong to, with its names: where else to look.</summary>
public sealed record RelatedField(string Code, string NameZh, string NameEn, int Count);

/// <summary>Facets are computed over all hits of the query (not just the page), keyed by
/// <see cref="SearchFacets"/> names.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, long Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    /// <summary>Set when the typed query found too few listings and was relaxed: "AnyWord" (any of its words was
    /// enough) or "Characters" (any two of its characters side by side). Full matches still come first.</summary>
    public string? Relaxed { get; init; }

    /// <summary>The text was an application or publication number and these hits carry it.</summary>
    public bool NumberMatch { get; init; }

    /// <summary>IPC subclasses of the best hits, most common first (for text searches).</summary>
    public IReadOnlyList<RelatedField> RelatedFields { get; init; } = [];
}

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
    const int SchemaVersion = 4;

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

    /// <summary>The <paramref name="max"/> most significant terms of a long text against this catalog (more-like-this).</summary>
    Task<IReadOnlyList<KeyTerm>> KeyTermsAsync(string text, int max, CancellationToken ct);

    /// <summary>Title completions for a prefix, most relevant first.</summary>
    Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max, CancellationToken ct);
}
