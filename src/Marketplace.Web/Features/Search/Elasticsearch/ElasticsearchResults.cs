using System.Net;
using System.Text.Json;

namespace Marketplace.Web.Features.Search.Elasticsearch;

/// <summary>Turns <c>_search</c> responses (as JSON) into the Search feature's results.</summary>
internal static class ElasticsearchResults
{
    public const int SnippetLength = Highlights.SnippetLength;

    /// <summary>Names of the two suggestion queries, reported back per hit in <c>matched_queries</c>.</summary>
    public const string Chinese = "zh", English = "en";

    public static SearchResult Search(JsonElement root, SearchQuery query)
    {
        var highlights = Highlights.For(query);
        var hits = root.GetProperty("hits");
        // total is an object ({value, relation}) since 7.0; track_total_hits=true makes it exact.
        var total = hits.TryGetProperty("total", out var t)
            ? t.ValueKind == JsonValueKind.Number ? t.GetInt64() : t.GetProperty("value").GetInt64()
            : 0;
        var list = hits.GetProperty("hits").EnumerateArray().Select(h => Hit(h, highlights)).ToList();
        var aggs = root.TryGetProperty("aggregations", out var a) ? a : default;
        return new SearchResult(list, total, Facets(aggs));
    }

    /// <summary>The fields a first pass's hits agree on (<see cref="FieldVote.NearFields"/>), from their scores and main IPC codes.</summary>
    public static IReadOnlyList<string> NearFields(JsonElement root)
    {
        var voters = root.GetProperty("hits").GetProperty("hits").EnumerateArray().Select(h => (
            Score: h.TryGetProperty("_score", out var sc) && sc.ValueKind == JsonValueKind.Number ? sc.GetDouble() : 0,
            Main: h.TryGetProperty("_source", out var s) && s.TryGetProperty("ipcCodes", out var codes) && codes.ValueKind == JsonValueKind.Array
                && codes.GetArrayLength() > 0 && codes[0].GetString() is { Length: >= 4 } main ? main[..4] : null)).ToList();
        return FieldVote.NearFields(voters, v => v.Score, v => v.Main);
    }

    private static SearchHit Hit(JsonElement hit, Highlights highlights)
    {
        var s = hit.GetProperty("_source").Deserialize<ListingSource>()
            ?? throw new InvalidOperationException("A search hit has no _source.");
        // Marked in the app, as for the Lucene engine; without a match, the plain text, encoded like a highlight is.
        var title = highlights.Whole(s.TitleZh) ?? highlights.Whole(s.TitleEn) ?? WebUtility.HtmlEncode(s.TitleZh);
        var snippet = highlights.Snippet(s.AbstractZh) ?? highlights.Snippet(s.AbstractEn) ?? WebUtility.HtmlEncode(Start(s.AbstractZh));
        // _score is null when sorting by a field.
        var score = hit.TryGetProperty("_score", out var sc) && sc.ValueKind == JsonValueKind.Number ? sc.GetDouble() : 0;
        var named = MatchedQueries(hit);
        return new SearchHit(s.ListingId, s.PatentId, s.ApplicationNumber, s.TitleZh, s.TitleEn, title, snippet, s.PatentType,
            s.Modes, s.OwnerNameZh, s.OwnerNameEn, s.Sleeping, s.RemainingMonths, s.Price, score)
        {
            IpcCodes = s.IpcCodes,
            MatchedTerms = [.. named.Select(Term).OfType<string>().Distinct()],
            TitleTerms = [.. named.Where(n => n.StartsWith(ElasticsearchText.InTitle, StringComparison.Ordinal)).Select(Term).OfType<string>()],
        };
    }

    /// <summary>The key term of a named matchmaking clause ("title:传感器"), or null for another name.</summary>
    private static string? Term(string name) =>
        name.StartsWith(ElasticsearchText.InTitle, StringComparison.Ordinal) ? name[ElasticsearchText.InTitle.Length..]
        : name.StartsWith(ElasticsearchText.InAbstract, StringComparison.Ordinal) ? name[ElasticsearchText.InAbstract.Length..] : null;

    /// <summary>Key terms from a <c>_termvectors</c> answer: each term's frequency in the text and its document
    /// frequency in titles plus abstracts, against the number of listings with a title.</summary>
    public static IReadOnlyList<KeyTerm> KeyTerms(JsonElement root, int max)
    {
        if (!root.TryGetProperty("term_vectors", out var vectors)) return [];
        var terms = new Dictionary<string, (int Frequency, long Documents)>();
        long listings = 0;
        foreach (var field in vectors.EnumerateObject())
        {
            if (field.Value.TryGetProperty("field_statistics", out var stats)) listings = Math.Max(listings, stats.GetProperty("doc_count").GetInt64());
            if (!field.Value.TryGetProperty("terms", out var list)) continue;
            foreach (var term in list.EnumerateObject())
            {
                var frequency = term.Value.GetProperty("term_freq").GetInt32();
                var documents = term.Value.TryGetProperty("doc_freq", out var df) ? df.GetInt64() : 0;
                var known = terms.GetValueOrDefault(term.Name);
                terms[term.Name] = (Math.Max(known.Frequency, frequency), known.Documents + documents);
            }
        }
        return KeyTermSelection.Select(terms.Select(t => (t.Key, t.Value.Frequency, t.Value.Documents)), listings, max);
    }

    /// <summary>The first <see cref="SnippetLength"/> characters and an ellipsis, as the Lucene engine shows them,
    /// never cutting a surrogate pair in half.</summary>
    public static string Start(string text)
    {
        if (text.Length <= SnippetLength) return text;
        var length = char.IsHighSurrogate(text[SnippetLength - 1]) ? SnippetLength - 1 : SnippetLength;
        return text[..length] + "…";
    }

    /// <summary>Every facet is present, as with the Lucene engine: terms facets list the values that occur (most
    /// frequent first, then by value — the terms aggregation's order); range facets list every bucket, zeros too.</summary>
    private static Dictionary<string, IReadOnlyList<FacetValue>> Facets(JsonElement aggs)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var (facet, _, _) in ElasticsearchFacets.TermFacets)
            facets[facet] = Buckets(aggs, facet).Select(b => new FacetValue(Key(b), Count(b))).ToList();
        var remaining = Buckets(aggs, SearchFacets.RemainingTerm).ToDictionary(Key, Count);
        facets[SearchFacets.RemainingTerm] = SearchFacets.RemainingTermBuckets.Select(b => new FacetValue(b.Key, remaining.GetValueOrDefault(b.Key))).ToList();
        var price = Buckets(aggs, SearchFacets.Price).ToDictionary(Key, Count);
        var negotiable = Facet(aggs, SearchFacets.Price) is { } p && p.TryGetProperty(SearchFacets.Negotiable, out var n) ? Count(n) : 0;
        facets[SearchFacets.Price] =
            [.. SearchFacets.PriceBuckets.Select(b => new FacetValue(b.Key, price.GetValueOrDefault(b.Key))), new FacetValue(SearchFacets.Negotiable, negotiable)];
        return facets;
    }

    private static JsonElement? Facet(JsonElement aggs, string facet) =>
        aggs.ValueKind == JsonValueKind.Object && aggs.TryGetProperty(facet, out var f) ? f : null;

    /// <summary>Each facet is a filter aggregation holding a <c>values</c> terms or range aggregation.</summary>
    private static IEnumerable<JsonElement> Buckets(JsonElement aggs, string facet) =>
        Facet(aggs, facet) is { } f && f.TryGetProperty("values", out var v) && v.TryGetProperty("buckets", out var b)
            ? b.EnumerateArray()
            : [];

    /// <summary>Boolean terms come back as 1/0 with key_as_string "true"/"false" — the form the Lucene engine uses.</summary>
    private static string Key(JsonElement bucket) =>
        bucket.TryGetProperty("key_as_string", out var s) ? s.GetString()!
        : bucket.GetProperty("key") is { ValueKind: JsonValueKind.String } k ? k.GetString()! : bucket.GetProperty("key").GetRawText();

    private static long Count(JsonElement bucket) => bucket.GetProperty("doc_count").GetInt64();

    /// <summary>Distinct titles in hit order, each in the language whose query it matched; when both matched,
    /// the language the user is typing in (any CJK character means Chinese).</summary>
    public static IReadOnlyList<string> Suggestions(JsonElement root, string prefix, int max)
    {
        var typingChinese = prefix.Any(c => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF');
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var titles = new List<string>();
        foreach (var hit in root.GetProperty("hits").GetProperty("hits").EnumerateArray())
        {
            var matched = MatchedQueries(hit);
            var source = hit.GetProperty("_source");
            var zh = !matched.Contains(English) || (matched.Contains(Chinese) && typingChinese);
            var title = source.TryGetProperty(zh ? "titleZh" : "titleEn", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrWhiteSpace(title) || !seen.Add(title)) continue;
            titles.Add(title);
            if (titles.Count == max) break;
        }
        return titles;
    }

    /// <summary>An array of names, or an object of name → score when include_named_queries_score is set.</summary>
    private static HashSet<string> MatchedQueries(JsonElement hit) =>
        !hit.TryGetProperty("matched_queries", out var m) ? []
        : m.ValueKind == JsonValueKind.Array ? m.EnumerateArray().Select(x => x.GetString() ?? "").ToHashSet()
        : m.EnumerateObject().Select(x => x.Name).ToHashSet();
}
