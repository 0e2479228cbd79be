using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace Marketplace.Web.Features.Search.Elasticsearch;

/// <summary>
/// The Search feature on an Elasticsearch 9 cluster with the analysis-smartcn plugin, shared by every app instance.
/// Document, index and alias operations use the client's typed API. The index template, searches and suggestions
/// are sent as JSON through <see cref="ElasticsearchClient.Transport"/>: their bodies (post_filter with per-facet
/// filter aggregations, bool_prefix over multi-fields, highlights) read exactly like the Elasticsearch docs that
/// way, and the responses are parsed without the typed_keys aggregation names the typed API depends on.
/// </summary>
public sealed class ElasticsearchEngine(ElasticsearchClient client, ElasticsearchSearchOptions options) : ISearchEngine
{
    /// <summary>Operations per _bulk request: callers may hand over many listings at once, and bulk requests are
    /// best kept to a few MB.</summary>
    internal const int BulkChunk = 1000;

    /// <summary>Chinese stays readable in request bodies (the default encoder writes \uXXXX); the body is JSON over
    /// HTTP, never embedded in HTML, so the relaxed escaping is safe.</summary>
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IndexNames _names = IndexNames.For(options.IndexPrefix);

    public static ElasticsearchClient CreateClient(ElasticsearchSearchOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Url))
            throw new InvalidOperationException("Search:Elasticsearch:Url must be set when Search:Engine is Elasticsearch.");
        var settings = new ElasticsearchClientSettings(new Uri(options.Url));
        if (!string.IsNullOrWhiteSpace(options.ApiKey)) settings.Authentication(new ApiKey(options.ApiKey));
        return new ElasticsearchClient(settings);
    }

    public async Task<bool> EnsureIndexAsync(CancellationToken ct)
    {
        // The template is (re)written every start, so mapping changes that ship with a new schema version are in
        // place before the new versioned index is created from it.
        using (await SendAsync(HttpMethod.PUT, $"_index_template/{_names.Template}", ListingsIndexTemplate.Build(_names), "put index template", ct)) { }

        var mapping = await client.Indices.GetMappingAsync(new GetMappingRequest(_names.Index), ct);
        if (mapping.ApiCallDetails.HttpStatusCode != 404)
        {
            Check(mapping, "get mapping");
            var meta = mapping.Mappings.Values.FirstOrDefault()?.Mappings?.Meta;
            if (meta is not null && meta.TryGetValue("schemaVersion", out var version) && version?.ToString() == ISearchEngine.SchemaVersion.ToString())
                return true;
            // Same name, different schema: only someone editing the index by hand gets here. Start again.
            Check(await client.Indices.DeleteAsync(_names.Index, ct), "delete outdated index");
        }

        var created = await client.Indices.CreateAsync(new CreateIndexRequest(_names.Index), ct);
        // Another instance may have created it a moment ago; it will rebuild too, which is harmless.
        if (created.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception") Check(created, "create index");
        // Move the alias to the new index in one atomic step. A remove that finds no alias is reported in the
        // response's action_results but does not fail the request.
        Check(await client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest
        {
            Actions =
            [
                new RemoveAction { Index = _names.VersionPattern, Alias = _names.Alias, MustExist = false },
                new AddAction { Index = _names.Index, Alias = _names.Alias },
            ],
        }, ct), "update aliases");
        // A new index holds nothing, so no stored position may claim otherwise.
        await DeleteStateAsync(ct);
        return false;
    }

    public async Task ApplyAsync(IReadOnlyList<SearchDocument> upserts, IReadOnlyList<Guid> deletes, string checkpoint, CancellationToken ct)
    {
        var operations = upserts.Select(d => (IBulkOperation)new BulkIndexOperation<ListingSource>(ListingSource.From(d)) { Id = d.ListingId.ToString() })
            .Concat(deletes.Select(id => (IBulkOperation)new BulkDeleteOperation(id.ToString())))
            .Chunk(BulkChunk).ToList();
        for (var i = 0; i < operations.Count; i++)
        {
            var request = new BulkRequest(_names.Index) { Operations = [.. operations[i]] };
            // wait_for on the last request: when this returns, searches no longer show a withdrawn listing.
            if (i == operations.Count - 1) request.Refresh = Refresh.WaitFor;
            var response = await client.BulkAsync(request, ct);
            // Deleting a listing the index never had is fine (404 is not an item error); anything else is not.
            if (response.Errors)
            {
                var failed = response.ItemsWithErrors.Take(5).Select(e => $"{e.Operation} {e.Id}: {e.Error?.Type} {e.Error?.Reason}");
                throw new InvalidOperationException($"Elasticsearch bulk indexing failed for {response.ItemsWithErrors.Count()} item(s): {string.Join("; ", failed)}");
            }
            Check(response, "bulk");
        }
        // Only after the documents are in: a crash in between replays the same changes, never skips them.
        var state = new SearchState { Checkpoint = checkpoint };
        Check(await client.IndexAsync(new IndexRequest<SearchState>(state, _names.State, _names.StateId), ct), "store checkpoint");
    }

    public async Task<string?> CheckpointAsync(CancellationToken ct)
    {
        // A get by id is real-time, so no refresh is needed after ApplyAsync stored it.
        var response = await client.GetAsync<SearchState>(new GetRequest(_names.State, _names.StateId), ct);
        if (response.ApiCallDetails.HttpStatusCode == 404) return null;
        Check(response, "read checkpoint");
        return response.Found ? response.Source?.Checkpoint : null;
    }

    public async Task ClearAsync(CancellationToken ct)
    {
        var response = await client.DeleteByQueryAsync(new DeleteByQueryRequest(_names.Index)
        {
            Query = new MatchAllQuery(), Refresh = true, Conflicts = Conflicts.Proceed,
        }, ct);
        if (response.ApiCallDetails.HttpStatusCode != 404) Check(response, "delete all documents");
        await DeleteStateAsync(ct);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        if (FieldVote.SeeksNearFields(query))
        {
            using var voters = await SearchIndexAsync(ElasticsearchQueries.Voters(query), "search", ct);
            query = query with { NearFields = ElasticsearchResults.NearFields(voters.RootElement) };
        }
        var body = ElasticsearchQueries.Search(query);
        using var json = await SearchIndexAsync(body, "search", ct);
        var result = ElasticsearchResults.Search(json.RootElement, query);
        if (!ElasticsearchQueries.Votes(query, ElasticsearchText.Query(query) is not null)) return result;
        // The first hits came back together; re-rank them by field, as the Lucene engine does, then cut the page.
        var ranked = FieldVote.Rerank(result.Hits, h => h.Score, h => h.IpcCodes.FirstOrDefault() is { Length: >= 4 } main ? main[..4] : null);
        var page = ranked.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(r => r.Hit with { Score = r.Score }).ToList();
        return result with { Hits = page };
    }

    /// <summary>
    /// Key terms from the catalog's own statistics: <c>_termvectors</c> on an artificial document analyses the text
    /// with the title's and abstract's analyzer (smartcn) and returns each term's document frequency in those fields.
    /// </summary>
    public async Task<IReadOnlyList<KeyTerm>> KeyTermsAsync(string text, int max, CancellationToken ct)
    {
        var capped = KeyTermSelection.Capped(text);
        if (capped.Length == 0) return [];
        var body = new JsonObject
        {
            ["doc"] = new JsonObject { ["titleZh"] = capped, ["abstractZh"] = capped },
            ["fields"] = new JsonArray("titleZh", "abstractZh"),
            ["term_statistics"] = true, ["field_statistics"] = true, ["positions"] = false, ["offsets"] = false, ["payloads"] = false,
        };
        using var json = await SendAsync(HttpMethod.POST, $"{_names.Index}/_termvectors", body, "term vectors", ct, missing: """{"term_vectors":{}}""");
        return ElasticsearchResults.KeyTerms(json.RootElement, max);
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string prefix, int max, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(prefix) || max <= 0) return [];
        // Extra hits leave room for listings that share a title (one patent offered twice).
        using var json = await SearchIndexAsync(ElasticsearchQueries.Suggest(prefix.Trim(), Math.Min(max * 3, 100)), "suggest", ct);
        return ElasticsearchResults.Suggestions(json.RootElement, prefix.Trim(), max);
    }

    /// <summary>Until the indexer's first EnsureIndexAsync has run on a new cluster there is no index; that is an
    /// empty catalogue, not an error page.</summary>
    private Task<JsonDocument> SearchIndexAsync(JsonNode body, string what, CancellationToken ct) =>
        SendAsync(HttpMethod.POST, $"{_names.Index}/_search", body, what, ct, missing: NoHits);

    private const string NoHits = """{"hits":{"total":{"value":0,"relation":"eq"},"hits":[]}}""";

    private async Task DeleteStateAsync(CancellationToken ct)
    {
        var response = await client.DeleteAsync(new DeleteRequest(_names.State, _names.StateId), ct);
        if (response.ApiCallDetails.HttpStatusCode != 404) Check(response, "delete checkpoint");
    }

    /// <summary>Sends a JSON body through the client's transport (same node pool, authentication and product
    /// check as the typed calls) and returns the parsed response.</summary>
    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, JsonNode body, string what, CancellationToken ct, string? missing = null)
    {
        var response = await client.Transport.RequestAsync<StringResponse>(method, path, PostData.String(body.ToJsonString(Wire)), ct);
        if (missing is not null && response.ApiCallDetails.HttpStatusCode == 404 && response.Body.Contains("index_not_found_exception", StringComparison.Ordinal))
            return JsonDocument.Parse(missing);
        if (!response.ApiCallDetails.HasSuccessfulStatusCode)
            throw new InvalidOperationException(
                $"Elasticsearch {what} failed ({response.ApiCallDetails.HttpStatusCode?.ToString() ?? "no response"}): {Excerpt(response.Body) ?? response.ApiCallDetails.OriginalException?.Message}",
                response.ApiCallDetails.OriginalException);
        return JsonDocument.Parse(response.Body);
    }

    /// <summary>The client reports failures on the response rather than throwing (ThrowExceptions is off).</summary>
    private static void Check(ElasticsearchResponse response, string what)
    {
        if (response.IsValidResponse) return;
        var error = response.ElasticsearchServerError?.Error;
        var reason = error is null ? response.ApiCallDetails.OriginalException?.Message : $"{error.Type}: {error.Reason}";
        throw new InvalidOperationException(
            $"Elasticsearch {what} failed ({response.ApiCallDetails.HttpStatusCode?.ToString() ?? "no response"}): {reason}",
            response.ApiCallDetails.OriginalException);
    }

    private static string? Excerpt(string? body) => string.IsNullOrEmpty(body) ? null : body.Length <= 500 ? body : body[..500];
}
