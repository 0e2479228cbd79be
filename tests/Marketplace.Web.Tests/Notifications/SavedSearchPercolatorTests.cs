using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Marketplace.Web.Features.SavedSearches;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Elasticsearch;
using Marketplace.Web.Tests.Search.Elasticsearch;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Tests.Notifications;

/// <summary>Saved searches run against one new listing: the embedded engine's memory index, and the cluster's percolator
/// by the requests it sends and the answers it reads.</summary>
public sealed class SavedSearchPercolatorTests
{
    private static SavedSearchQuery Saved(SearchQuery query) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "s", query, DateTimeOffset.UtcNow);

    private static readonly SavedSearchQuery ShipWords = Saved(SearchQuery.All() with { Text = "导航" }),
        ShipInventions = Saved(SearchQuery.All() with { Text = "船舶", Types = ["Invention"], Ipc = ["B63"] }),
        CheapOpenLicences = Saved(SearchQuery.All() with { Modes = ["OpenLicence"] }),
        StaplerWords = Saved(SearchQuery.All() with { Text = "订书机" }),
        Expensive = Saved(SearchQuery.All() with { Text = "导航", MinPrice = 1_000_000m });

    private static readonly SavedSearchQuery[] All = [ShipWords, ShipInventions, CheapOpenLicences, StaplerWords, Expensive];

    [Fact]
    public async Task The_memory_index_finds_the_listing_for_exactly_the_searches_that_would_find_it_in_the_catalog()
    {
        using var percolator = new LucenePercolator();
        Assert.Equal([ShipWords.Id, ShipInventions.Id], await percolator.MatchAsync(FakeElasticsearch.Ship(), All, default));
        Assert.Equal([CheapOpenLicences.Id, StaplerWords.Id], await percolator.MatchAsync(FakeElasticsearch.Stapler(), All, default));
        Assert.Empty(await percolator.MatchAsync(FakeElasticsearch.MarineEngine(), [ShipWords, StaplerWords, Expensive], default));
    }

    [Fact]
    public async Task The_cluster_percolator_stores_each_search_once_and_percolates_the_listing_against_the_live_ones()
    {
        var es = new FakeElasticsearch();
        var percolator = new ElasticsearchPercolator(
            new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://localhost:9200")), es)),
            Options.Create(new ElasticsearchSearchOptions { IndexPrefix = "test" }));
        var index = percolator.Index;
        Assert.Equal($"test-saved-searches-v{ISearchEngine.SchemaVersion}", index);
        es.On("HEAD", index, 404, "").On("PUT", index, 200, """{"acknowledged":true}""")
            .On("POST", "_bulk", 200, """{"took":3,"errors":false,"items":[]}""")
            .On("POST", $"{index}/_search", 200, new JsonObject
            {
                ["took"] = 2, ["timed_out"] = false,
                ["hits"] = new JsonObject
                {
                    ["total"] = new JsonObject { ["value"] = 1, ["relation"] = "eq" },
                    ["hits"] = new JsonArray(new JsonObject
                    {
                        ["_index"] = index, ["_id"] = ShipWords.Id.ToString(), ["_score"] = 0.0,
                        ["fields"] = new JsonObject { ["_percolator_document_slot"] = new JsonArray(0) },
                    }),
                },
            }.ToJsonString());

        Assert.Equal([ShipWords.Id], await percolator.MatchAsync(FakeElasticsearch.Ship(), [ShipWords, Expensive], default));

        var created = es.Single("PUT", index).Json;
        Assert.Equal("percolator", (string?)created["mappings"]!["properties"]!["query"]!["type"]);
        Assert.NotNull(created["mappings"]!["properties"]!["titleZh"]);
        var bulk = es.Single("POST", "_bulk");
        Assert.Equal("refresh=wait_for", bulk.Query);
        var lines = bulk.Lines;
        Assert.Equal(4, lines.Count);
        Assert.Equal((index, ShipWords.Id.ToString()), ((string?)lines[0]["index"]!["_index"], (string?)lines[0]["index"]!["_id"]));
        Assert.Equal(ElasticsearchPercolator.QueryOf(ShipWords.Query).ToJsonString(), lines[1]["query"]!.ToJsonString());
        Assert.Contains("1000000", lines[3]["query"]!.ToJsonString());

        var percolate = es.Single("POST", $"{index}/_search").Json;
        Assert.Equal(2, (int?)percolate["size"]);
        Assert.False((bool?)percolate["_source"]);
        var filter = percolate["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal("query", (string?)filter[0]!["percolate"]!["field"]);
        Assert.Equal("一种船舶智能导航装置及方法", (string?)filter[0]!["percolate"]!["document"]!["titleZh"]);
        Assert.Equal([ShipWords.Id.ToString(), Expensive.Id.ToString()], filter[1]!["ids"]!["values"]!.AsArray().Select(v => (string)v!).ToArray());

        // A second listing: the index and the searches are known now; only the percolation is sent.
        await percolator.MatchAsync(FakeElasticsearch.Stapler(), [ShipWords, Expensive], default);
        Assert.Single(es.Requests, r => r.Method == "POST" && r.Path == "_bulk");
        Assert.Single(es.Requests, r => r.Method == "HEAD");
        Assert.Equal(2, es.Requests.Count(r => r.Path == $"{index}/_search"));
    }

    [Fact]
    public async Task A_cluster_that_refuses_the_percolation_is_an_error_not_an_empty_match()
    {
        var es = new FakeElasticsearch();
        var percolator = new ElasticsearchPercolator(
            new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://localhost:9200")), es)),
            Options.Create(new ElasticsearchSearchOptions { IndexPrefix = "test" }));
        es.On("HEAD", percolator.Index, 200, "").On("POST", "_bulk", 200, """{"errors":false,"items":[]}""");
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => percolator.MatchAsync(FakeElasticsearch.Ship(), [ShipWords], default));
        Assert.Contains("percolate", failure.Message);
    }
}
