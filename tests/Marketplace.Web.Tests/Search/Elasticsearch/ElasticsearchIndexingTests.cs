using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Transport;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Elasticsearch;

namespace Marketplace.Web.Tests.Search.Elasticsearch;

public sealed class ElasticsearchIndexingTests
{
    private const string Ack = """{"acknowledged":true}""";
    private const string NoIndex = """
        {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [test-listings-v4]","index":"test-listings-v4"}],
        "type":"index_not_found_exception","reason":"no such index [test-listings-v4]","index":"test-listings-v4"},"status":404}
        """;
    private const string NoState = """{"_index":"test-search-state","_id":"listings-v4","_version":1,"result":"not_found","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":4,"_primary_term":1}""";

    private static FakeElasticsearch Cluster(int mappingStatus, string mapping) => new FakeElasticsearch()
        .On("PUT", "_index_template/test-listings-template", 200, Ack)
        .On("GET", "test-listings-v4/_mapping", mappingStatus, mapping)
        .On("PUT", "test-listings-v4", 200, """{"acknowledged":true,"shards_acknowledged":true,"index":"test-listings-v4"}""")
        .On("DELETE", "test-listings-v4", 200, Ack)
        // A remove that finds no alias is reported as an action error inside a 200, exactly like this.
        .On("POST", "_aliases", 200, """{"acknowledged":true,"errors":true,"action_results":[{"action":{"type":"remove","indices":["test-listings-v4"],"aliases":["test-listings"]},"status":404,"error":{"type":"aliases_not_found_exception","reason":"aliases [test-listings] missing"}},{"action":{"type":"add","indices":["test-listings-v4"],"aliases":["test-listings"]},"status":200}]}""")
        .On("DELETE", "test-search-state/_doc/listings-v4", 404, NoState);

    private static string Mapping(int version) => """{"test-listings-v4":{"mappings":{"dynamic":"strict","_meta":{"schemaVersion":VERSION},"properties":{"listingId":{"type":"keyword"}}}}}""".Replace("VERSION", version.ToString());

    [Fact]
    public async Task EnsureIndex_on_a_missing_index_puts_the_template_creates_the_index_and_asks_for_a_rebuild()
    {
        var es = Cluster(404, NoIndex);

        Assert.False(await es.Engine().EnsureIndexAsync(default));

        Assert.Equal(["PUT _index_template/test-listings-template", "GET test-listings-v4/_mapping", "PUT test-listings-v4", "POST _aliases", "DELETE test-search-state/_doc/listings-v4"],
            es.Requests.Select(r => $"{r.Method} {r.Path}"));
        var template = es.Single("PUT", "_index_template/test-listings-template").Json;
        Assert.Equal("test-listings-v*", (string?)template["index_patterns"]![0]);
        var mappings = template["template"]!["mappings"]!;
        Assert.Equal(ISearchEngine.SchemaVersion, (int?)mappings["_meta"]!["schemaVersion"]);
        Assert.Equal("strict", (string?)mappings["dynamic"]);
        var properties = mappings["properties"]!;
        foreach (var field in new[] { "titleZh", "abstractZh", "ownerNameZh", "ipcText" })
            Assert.Equal("smartcn", (string?)properties[field]!["analyzer"]);
        foreach (var field in new[] { "titleEn", "abstractEn", "ownerNameEn" })
            Assert.Equal("english", (string?)properties[field]!["analyzer"]);
        foreach (var field in new[] { "listingId", "patentId", "applicationNumber", "ipcCodes", "ipcSection", "ipcClass", "ownerOrganizationId", "ownerType", "patentType", "legalStatus", "modes", "inventors" })
            Assert.Equal("keyword", (string?)properties[field]!["type"]);
        Assert.Equal("text", (string?)properties["inventors"]!["fields"]!["text"]!["type"]);
        Assert.Equal("boolean", (string?)properties["sleeping"]!["type"]);
        Assert.Equal("integer", (string?)properties["remainingMonths"]!["type"]);
        Assert.Equal("scaled_float", (string?)properties["price"]!["type"]);
        Assert.Equal("date", (string?)properties["publishedAt"]!["type"]);
        Assert.Equal("search_as_you_type", (string?)properties["titleZh"]!["fields"]!["suggest"]!["type"]);
        Assert.Equal("search_as_you_type", (string?)properties["titleEn"]!["fields"]!["suggest"]!["type"]);

        var actions = es.Single("POST", "_aliases").Json["actions"]!.AsArray();
        Assert.Equal("test-listings-v*", (string?)actions[0]!["remove"]!["index"]);
        Assert.Equal("test-listings", (string?)actions[0]!["remove"]!["alias"]);
        Assert.Equal("test-listings-v4", (string?)actions[1]!["add"]!["index"]);
        Assert.Equal("test-listings", (string?)actions[1]!["add"]!["alias"]);
    }

    [Fact]
    public async Task EnsureIndex_on_an_index_of_the_same_schema_version_keeps_it()
    {
        var es = Cluster(200, Mapping(ISearchEngine.SchemaVersion));

        Assert.True(await es.Engine().EnsureIndexAsync(default));

        Assert.Equal(["PUT _index_template/test-listings-template", "GET test-listings-v4/_mapping"], es.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task EnsureIndex_on_an_index_of_another_schema_version_recreates_it()
    {
        var es = Cluster(200, Mapping(0));

        Assert.False(await es.Engine().EnsureIndexAsync(default));

        Assert.Contains(es.Requests, r => r is { Method: "DELETE", Path: "test-listings-v4" });
        Assert.Contains(es.Requests, r => r is { Method: "PUT", Path: "test-listings-v4" });
    }

    [Fact]
    public void The_strict_mapping_has_every_field_of_an_indexed_document()
    {
        var document = JsonSerializer.SerializeToNode(ListingSource.From(FakeElasticsearch.Ship()))!.AsObject();
        var properties = ListingsIndexTemplate.Build(IndexNames.For("test"))["template"]!["mappings"]!["properties"]!.AsObject();
        Assert.Equal(document.Select(p => p.Key).Order(), properties.Select(p => p.Key).Order());
    }

    [Fact]
    public void A_missing_url_is_refused_and_an_api_key_is_sent_as_api_key_authentication()
    {
        Assert.Throws<InvalidOperationException>(() => ElasticsearchEngine.CreateClient(new ElasticsearchSearchOptions()));
        var client = ElasticsearchEngine.CreateClient(new ElasticsearchSearchOptions { Url = "https://es.example:9200", ApiKey = "aWQ6a2V5" });
        Assert.IsType<ApiKey>(client.ElasticsearchClientSettings.Authentication);
    }
}
