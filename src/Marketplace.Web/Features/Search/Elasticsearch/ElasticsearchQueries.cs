using System.Text.Json.Nodes;

namespace Marketplace.Web.Features.Search.Elasticsearch;

/// <summary>A filter clause and the facet whose own selection it is.</summary>
internal sealed record SearchFilter(string Facet, JsonNode Clause);

/// <summary>
/// Builds <c>_search</c> bodies as JSON. The user's text only ever goes into <c>multi_match</c> (analysed, never
/// parsed as query syntax), so <c>&amp; | ! ( " *</c> are plain text, as in the Lucene engine.
/// </summary>
internal static class ElasticsearchQueries
{
    /// <summary>The facet that owns the IPC selection: both IPC facets (see <see cref="ElasticsearchFacets"/>).</summary>
    public const string Ipc = "ipc";

    /// <summary>
    /// The main query holds the text (<see cref="ElasticsearchText"/>) and a number lookup, so other filters never
    /// affect scores; every other filter goes into <c>post_filter</c>, which lets each facet count without its own
    /// filter (<see cref="ElasticsearchFacets"/>). A text search by relevance asks for the first
    /// <see cref="FieldVote.Window"/> hits at once, which the engine re-ranks by field before it cuts the page.
    /// </summary>
    public static JsonObject Search(SearchQuery q)
    {
        var filters = Filters(q);
        var text = ElasticsearchText.Query(q);
        var (from, size) = Window(q, text is not null);
        var query = new JsonObject { ["must"] = new JsonArray(text ?? Obj("match_all", new JsonObject())) };
        if (q.NumberKeys.Count > 0) query["filter"] = new JsonArray(Obj("terms", new JsonObject { ["numberKeys"] = Array(q.NumberKeys) }));
        var body = new JsonObject
        {
            ["from"] = from,
            ["size"] = size,
            ["track_total_hits"] = true,
            ["query"] = Obj("bool", query),
        };
        if (filters.Count > 0) body["post_filter"] = All(filters.Select(f => f.Clause));
        body["aggs"] = ElasticsearchFacets.Aggregations(q, filters);
        body["sort"] = Sort(q.Sort);
        return body;
    }

    /// <summary>The first pass of a typed query (<see cref="FieldVote.SeeksNearFields"/>): its best few full matches
    /// with their IPC codes only, no facets, to find the fields they agree on.</summary>
    public static JsonObject Voters(SearchQuery q)
    {
        var body = Search(q with { Page = 1, PageSize = FieldVote.Voters });
        body["from"] = 0;
        body["size"] = FieldVote.Voters;
        body["track_total_hits"] = false;
        body.Remove("aggs");
        body["_source"] = Array(["ipcCodes"]);
        return body;
    }

    /// <summary>Whether the engine re-ranks this query's best hits by field (<see cref="FieldVote"/>).</summary>
    public static bool Votes(SearchQuery q, bool hasText) => hasText && q.Sort == SearchSort.Relevance && (q.Page - 1) * q.PageSize < FieldVote.Window;

    private static (int From, int Size) Window(SearchQuery q, bool hasText) => Votes(q, hasText)
        ? (0, Math.Max(q.Page * q.PageSize, FieldVote.Window))
        : ((Math.Max(q.Page, 1) - 1) * q.PageSize, q.PageSize);

    private static List<SearchFilter> Filters(SearchQuery q)
    {
        var filters = new List<SearchFilter>();
        void Terms(string facet, string field, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0) filters.Add(new(facet, Obj("terms", new JsonObject { [field] = Array(list) })));
        }
        Terms(SearchFacets.Type, "patentType", q.Types);
        Terms(SearchFacets.Mode, "modes", q.Modes);
        Terms(SearchFacets.Owner, "ownerOrganizationId", q.Owners.Select(o => o.ToString()));
        Terms(SearchFacets.OwnerType, "ownerType", q.OwnerTypes);
        Terms(SearchFacets.LegalStatus, "legalStatus", q.LegalStatuses);
        Terms(SearchFacets.Locarno, "locarno", q.Locarno);
        if (q.Ipc.Count > 0) filters.Add(new(Ipc, Any(q.Ipc.Select(IpcClause))));
        if (q.Sleeping is { } sleeping) filters.Add(new(SearchFacets.Sleeping, Obj("term", new JsonObject { ["sleeping"] = sleeping })));
        // Both bounds inclusive, like the Lucene engine's NumericRangeQuery(…, true, true).
        if (q.MinRemainingMonths is not null || q.MaxRemainingMonths is not null)
            filters.Add(new(SearchFacets.RemainingTerm, Range("remainingMonths", q.MinRemainingMonths, q.MaxRemainingMonths)));
        if (q.MinPrice is not null || q.MaxPrice is not null)
            filters.Add(new(SearchFacets.Price, Range("price", q.MinPrice, q.MaxPrice)));
        return filters;
    }

    /// <summary>"B" is a section, "B63" a class (both indexed keywords); anything longer (a subclass such as
    /// "B63B") is a prefix of the full codes.</summary>
    internal static JsonObject IpcClause(string ipc)
    {
        var code = ipc.Trim().ToUpperInvariant();
        return code.Length switch
        {
            1 => Obj("term", new JsonObject { ["ipcSection"] = code }),
            3 => Obj("term", new JsonObject { ["ipcClass"] = code }),
            _ => Obj("prefix", new JsonObject { ["ipcCodes"] = code }),
        };
    }

    private static JsonArray Sort(SearchSort sort)
    {
        static JsonObject By(string field, string order, bool missingLast = false)
        {
            var spec = new JsonObject { ["order"] = order };
            if (missingLast) spec["missing"] = "_last";
            return new JsonObject { [field] = spec };
        }
        JsonObject[] keys = sort switch
        {
            SearchSort.Newest => [By("publishedAt", "desc")],
            SearchSort.RemainingTerm => [By("remainingMonths", "desc")],
            // Negotiable listings (no price) sort last either way.
            SearchSort.PriceLow => [By("price", "asc", missingLast: true)],
            SearchSort.PriceHigh => [By("price", "desc", missingLast: true)],
            _ => [By("_score", "desc"), By("publishedAt", "desc")],
        };
        // The listing id breaks ties, so paging never shows a hit twice or skips one.
        return new JsonArray([.. keys, By("listingId", "asc")]);
    }

    /// <summary>
    /// Title completions: <c>bool_prefix</c> over each title's search_as_you_type field and its shingles (shingles
    /// rank titles with the typed words in order higher). Operator <c>and</c>: every typed word must be in the
    /// title, the last one as a prefix. The two languages are separate named queries, so each hit says
    /// (<c>matched_queries</c>) which of its titles to suggest.
    /// </summary>
    public static JsonObject Suggest(string prefix, int size)
    {
        JsonObject Language(string field, string name) => Obj("multi_match", new JsonObject
        {
            ["query"] = prefix, ["type"] = "bool_prefix", ["operator"] = "and",
            ["fields"] = Array([$"{field}.suggest", $"{field}.suggest._2gram", $"{field}.suggest._3gram"]), ["_name"] = name,
        });
        return new JsonObject
        {
            ["size"] = size,
            ["_source"] = Array(["titleZh", "titleEn"]),
            ["query"] = Any([Language("titleZh", ElasticsearchResults.Chinese), Language("titleEn", ElasticsearchResults.English)]),
        };
    }

    private static JsonObject Range(string field, JsonNode? min, JsonNode? max)
    {
        var range = new JsonObject();
        if (min is not null) range["gte"] = min;
        if (max is not null) range["lte"] = max;
        return Obj("range", new JsonObject { [field] = range });
    }

    internal static JsonNode All(IEnumerable<JsonNode> clauses)
    {
        var list = clauses.Select(c => c.DeepClone()).ToArray();
        return list.Length == 0 ? Obj("match_all", new JsonObject()) : Obj("bool", new JsonObject { ["filter"] = new JsonArray(list) });
    }

    internal static JsonObject Any(IEnumerable<JsonNode> clauses) =>
        Obj("bool", new JsonObject { ["should"] = new JsonArray(clauses.Select(c => c.DeepClone()).ToArray()), ["minimum_should_match"] = 1 });

    internal static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    internal static JsonObject Obj(string name, JsonNode value) => new() { [name] = value };
}
