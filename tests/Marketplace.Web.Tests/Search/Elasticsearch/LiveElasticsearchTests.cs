using Elastic.Clients.Elasticsearch;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Elasticsearch;

namespace Marketplace.Web.Tests.Search.Elasticsearch;

/// <summary>xunit 2 cannot skip at run time, so the attribute decides when the test class is discovered.</summary>
public sealed class LiveElasticsearchFactAttribute : FactAttribute
{
    public LiveElasticsearchFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ELASTICSEARCH_URL") is null) Skip = "ELASTICSEARCH_URL is not set";
    }
}

/// <summary>
/// Against a real cluster (Elasticsearch 9 with analysis-smartcn, e.g. infra/elasticsearch/Dockerfile):
/// <c>ELASTICSEARCH_URL=http://localhost:9200 [ELASTICSEARCH_API_KEY=…] dotnet test --filter LiveElasticsearch</c>.
/// Each test works under its own index prefix and removes what it created.
/// </summary>
public sealed class LiveElasticsearchTests : IAsyncLifetime
{
    private readonly ElasticsearchSearchOptions _options = new()
    {
        Url = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL"),
        ApiKey = Environment.GetEnvironmentVariable("ELASTICSEARCH_API_KEY"),
        IndexPrefix = $"marketplace-test-{Guid.NewGuid():N}",
    };
    private ElasticsearchClient? _client;
    private ElasticsearchEngine? _engine;

    private ElasticsearchEngine Engine => _engine ?? throw new InvalidOperationException("Not initialised.");

    public Task InitializeAsync()
    {
        if (_options.Url is null) return Task.CompletedTask;
        _client = ElasticsearchEngine.CreateClient(_options);
        _engine = new ElasticsearchEngine(_client, _options);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_client is null) return;
        // By name: wildcard deletes are refused by default (action.destructive_requires_name).
        var names = IndexNames.For(_options.IndexPrefix);
        await _client.Indices.DeleteAsync(names.Index);
        await _client.Indices.DeleteAsync(names.State);
        await _client.Indices.DeleteIndexTemplateAsync(names.Template);
    }

    [LiveElasticsearchFact]
    public async Task Chinese_text_ranks_the_chinese_match_first_and_a_withdrawn_listing_leaves_at_once()
    {
        Assert.False(await Engine.EnsureIndexAsync(default));
        Assert.True(await Engine.EnsureIndexAsync(default));
        Assert.Null(await Engine.CheckpointAsync(default));

        await Engine.ApplyAsync([FakeElasticsearch.Ship(), FakeElasticsearch.Stapler(), FakeElasticsearch.MarineEngine()], [], "1", default);
        Assert.Equal("1", await Engine.CheckpointAsync(default));

        var result = await Engine.SearchAsync(SearchQuery.All() with { Text = "船舶 导航" }, default);
        Assert.Equal(FakeElasticsearch.ShipListing, result.Hits[0].ListingId);
        Assert.Contains("<mark>", result.Hits[0].HighlightedTitle);
        Assert.DoesNotContain(result.Hits, h => h.ListingId == FakeElasticsearch.StaplerListing);
        Assert.Contains(new FacetValue("Invention", result.Total), result.Facets[SearchFacets.Type]);

        var filtered = await Engine.SearchAsync(SearchQuery.All() with { Types = ["UtilityModel"] }, default);
        Assert.Equal(FakeElasticsearch.StaplerListing, Assert.Single(filtered.Hits).ListingId);
        // Facets ignore their own filter: the type facet still counts the two inventions.
        Assert.Contains(new FacetValue("Invention", 2), filtered.Facets[SearchFacets.Type]);

        Assert.Contains("一种船舶智能导航装置及方法", await Engine.SuggestAsync("船舶", 5, default));
        Assert.Contains("Labour-saving stapler", await Engine.SuggestAsync("labour-sa", 5, default));

        await Engine.ApplyAsync([], [FakeElasticsearch.ShipListing], "2", default);
        var after = await Engine.SearchAsync(SearchQuery.All() with { Text = "船舶 导航" }, default);
        Assert.DoesNotContain(after.Hits, h => h.ListingId == FakeElasticsearch.ShipListing);

        await Engine.ClearAsync(default);
        Assert.Equal(0, (await Engine.SearchAsync(SearchQuery.All(), default)).Total);
        Assert.Null(await Engine.CheckpointAsync(default));
    }
}
