using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Elasticsearch;
using Microsoft.Extensions.Options;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Marketplace.Web.Features.SavedSearches;

/// <summary>
/// The saved searches on an Elasticsearch cluster: each search is stored as a query in a percolator index (mapped like the
/// listings index, so the new listing is analysed the same way), and a new listing is percolated against them. Queries
/// are the search page's own (<see cref="ElasticsearchQueries.Search"/>: its text query, its filters); a search is
/// (re)stored when this instance first meets its version, and the percolation names the live searches by id, so a
/// deleted search stored earlier never matches.
/// </summary>
public sealed class ElasticsearchPercolator(ElasticsearchClient client, IOptions<ElasticsearchSearchOptions> options) : ISavedSearchPercolator
{
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _stored = new();
    private volatile bool _indexReady;

    public string Index => $"{options.Value.IndexPrefix.Trim().ToLowerInvariant()}-saved-searches-v{ISearchEngine.SchemaVersion}";

    public async Task<IReadOnlyList<Guid>> MatchAsync(SearchDocument listing, IReadOnlyList<SavedSearchQuery> searches, CancellationToken ct)
    {
        if (searches.Count == 0) return [];
        await EnsureIndexAsync(ct);
        var missing = searches.Where(s => !_stored.TryGetValue(s.Id, out var v) || v != s.UpdatedAt).ToList();
        if (missing.Count > 0) await StoreAsync(missing, ct);
        var matches = new List<Guid>();
        foreach (var chunk in searches.Chunk(10_000))
        {
            using var json = await SendAsync(HttpMethod.POST, $"{Index}/_search", PercolateRequest(listing, chunk.Select(s => s.Id).ToList()), "percolate", ct);
            matches.AddRange(Matches(json.RootElement));
        }
        return matches;
    }

    /// <summary>A saved search as a percolator query: the search's query with its filters as a filter clause.</summary>
    public static JsonNode QueryOf(SearchQuery query)
    {
        var body = ElasticsearchQueries.Search(query with { Page = 1, PageSize = 1 });
        var main = body["query"]!.DeepClone();
        return body["post_filter"] is { } filter
            ? new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray(main), ["filter"] = new JsonArray(filter.DeepClone()) } }
            : main;
    }

    /// <summary>Which of <paramref name="ids"/> find the listing. Scores are not needed, so the percolate query is a filter.</summary>
    public static JsonObject PercolateRequest(SearchDocument listing, IReadOnlyList<Guid> ids) => new()
    {
        ["size"] = ids.Count,
        ["_source"] = false,
        ["query"] = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["filter"] = new JsonArray(
                    new JsonObject { ["percolate"] = new JsonObject { ["field"] = "query", ["document"] = JsonSerializer.SerializeToNode(ListingSource.From(listing)) } },
                    new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray(ids.Select(i => (JsonNode)i.ToString()).ToArray()) } }),
            },
        },
    };

    public static IReadOnlyList<Guid> Matches(JsonElement response) =>
        response.GetProperty("hits").GetProperty("hits").EnumerateArray().Select(h => Guid.Parse(h.GetProperty("_id").GetString()!)).ToList();

    /// <summary>The percolator index: the listings index's settings and mappings, plus the stored query.</summary>
    public JsonObject IndexBody()
    {
        var template = ListingsIndexTemplate.Build(IndexNames.For(options.Value.IndexPrefix))["template"]!.DeepClone().AsObject();
        template["mappings"]!["properties"]!["query"] = new JsonObject { ["type"] = "percolator" };
        template["mappings"]!["properties"]!["savedSearchUserId"] = new JsonObject { ["type"] = "keyword" };
        return template;
    }

    private async Task EnsureIndexAsync(CancellationToken ct)
    {
        if (_indexReady) return;
        var exists = await client.Transport.RequestAsync<StringResponse>(HttpMethod.HEAD, Index, null, ct);
        if (exists.ApiCallDetails.HttpStatusCode == 404)
        {
            var created = await client.Transport.RequestAsync<StringResponse>(HttpMethod.PUT, Index, PostData.String(IndexBody().ToJsonString(Wire)), ct);
            // Another instance may have created it meanwhile.
            if (!created.ApiCallDetails.HasSuccessfulStatusCode && !created.Body.Contains("resource_already_exists_exception"))
                throw new InvalidOperationException($"Elasticsearch percolator index creation failed ({created.ApiCallDetails.HttpStatusCode}): {created.Body}");
        }
        _indexReady = true;
    }

    private async Task StoreAsync(IReadOnlyList<SavedSearchQuery> searches, CancellationToken ct)
    {
        var lines = new System.Text.StringBuilder();
        foreach (var s in searches)
        {
            lines.Append(new JsonObject { ["index"] = new JsonObject { ["_index"] = Index, ["_id"] = s.Id.ToString() } }.ToJsonString(Wire)).Append('\n');
            lines.Append(new JsonObject { ["query"] = QueryOf(s.Query), ["savedSearchUserId"] = s.UserId.ToString() }.ToJsonString(Wire)).Append('\n');
        }
        var response = await client.Transport.RequestAsync<StringResponse>(HttpMethod.POST, "_bulk?refresh=wait_for", PostData.String(lines.ToString()), ct);
        if (!response.ApiCallDetails.HasSuccessfulStatusCode || response.Body.Contains("\"errors\":true"))
            throw new InvalidOperationException($"Elasticsearch storing saved searches failed ({response.ApiCallDetails.HttpStatusCode}): {response.Body[..Math.Min(500, response.Body.Length)]}");
        foreach (var s in searches) _stored[s.Id] = s.UpdatedAt;
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, JsonNode body, string what, CancellationToken ct)
    {
        var response = await client.Transport.RequestAsync<StringResponse>(method, path, PostData.String(body.ToJsonString(Wire)), ct);
        if (!response.ApiCallDetails.HasSuccessfulStatusCode)
            throw new InvalidOperationException($"Elasticsearch {what} failed ({response.ApiCallDetails.HttpStatusCode?.ToString() ?? "no response"}): {response.Body}");
        return JsonDocument.Parse(response.Body);
    }
}
