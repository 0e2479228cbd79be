using System.Text.Json.Nodes;
using static Marketplace.Web.Features.Search.Elasticsearch.ElasticsearchQueries;

namespace Marketplace.Web.Features.Search.Elasticsearch;

/// <summary>
/// Facet aggregations. Facets are disjunctive, as in good faceted search: the filters are a <c>post_filter</c>
/// (hits and total honour all of them), and each facet is a <c>filter</c> aggregation over every filter except its
/// own, so with "Invention" chosen the type facet still shows how many utility models there are. (The Lucene engine
/// counts over the fully filtered hits instead; counts differ only for facets that have a selection.)
/// </summary>
internal static class ElasticsearchFacets
{
    /// <summary>Terms facets: public name, field, how many values to return. The Lucene engine returns every value;
    /// these sizes cover every type, mode, status and IPC class, and the largest owners.</summary>
    public static readonly (string Facet, string Field, int Size)[] TermFacets =
    [
        (SearchFacets.Type, "patentType", 20), (SearchFacets.IpcSection, "ipcSection", 20), (SearchFacets.IpcClass, "ipcClass", 300),
        (SearchFacets.Mode, "modes", 20), (SearchFacets.Owner, "ownerOrganizationId", 200), (SearchFacets.OwnerType, "ownerType", 20),
        (SearchFacets.LegalStatus, "legalStatus", 20), (SearchFacets.Sleeping, "sleeping", 2),
        (SearchFacets.Locarno, "locarno", 40),
    ];

    /// <summary>One filter aggregation per facet, named after it, holding a <c>values</c> terms or range
    /// aggregation (and, for price, a <c>negotiable</c> missing aggregation).</summary>
    public static JsonObject Aggregations(SearchQuery q, List<SearchFilter> filters)
    {
        JsonNode Except(string own) => All(filters.Where(f => f.Facet != own).Select(f => f.Clause));
        var sections = q.Ipc.Select(i => i.Trim()).Where(i => i.Length == 1).ToList();
        var aggs = new JsonObject();
        foreach (var (facet, field, size) in TermFacets)
        {
            var filter = facet switch
            {
                SearchFacets.IpcSection => Except(Ipc),
                // The class list drills down into the chosen sections but ignores chosen classes, so sibling classes
                // stay visible. (The IPC selection is one OR group over both levels, hence this special case.)
                SearchFacets.IpcClass => All(filters.Where(f => f.Facet != Ipc).Select(f => f.Clause)
                    .Concat(sections.Count > 0 ? [Any(sections.Select(IpcClause))] : [])),
                _ => Except(facet),
            };
            aggs[facet] = Facet(filter, new JsonObject { ["values"] = Obj("terms", new JsonObject { ["field"] = field, ["size"] = size }) });
        }
        aggs[SearchFacets.RemainingTerm] = Facet(Except(SearchFacets.RemainingTerm), new JsonObject
        {
            ["values"] = Obj("range", new JsonObject
            {
                ["field"] = "remainingMonths",
                ["ranges"] = new JsonArray(SearchFacets.RemainingTermBuckets.Select(b => RangeBucket(b.Key, b.From, b.To == int.MaxValue ? null : b.To)).ToArray()),
            }),
        });
        aggs[SearchFacets.Price] = Facet(Except(SearchFacets.Price), new JsonObject
        {
            ["values"] = Obj("range", new JsonObject
            {
                ["field"] = "price",
                ["ranges"] = new JsonArray(SearchFacets.PriceBuckets.Select(b => RangeBucket(b.Key, b.From, b.To == decimal.MaxValue ? null : b.To)).ToArray()),
            }),
            // Listings without a price (negotiable in every mode) have no price value at all.
            [SearchFacets.Negotiable] = Obj("missing", new JsonObject { ["field"] = "price" }),
        });
        return aggs;
    }

    private static JsonObject Facet(JsonNode filter, JsonObject aggs) => new() { ["filter"] = filter, ["aggs"] = aggs };

    /// <summary>Range buckets include <c>from</c> and exclude <c>to</c>, as the Lucene engine counts them; the open
    /// top bucket has no <c>to</c>.</summary>
    private static JsonNode RangeBucket(string key, JsonNode from, JsonNode? to)
    {
        var bucket = new JsonObject { ["key"] = key, ["from"] = from };
        if (to is not null) bucket["to"] = to;
        return bucket;
    }
}
