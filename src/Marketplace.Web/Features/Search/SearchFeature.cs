using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Search.Elasticsearch;
using Marketplace.Web.Features.Search.Lucene;
using Marketplace.Web.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Search;

public static class SearchFeature
{
    public const string SearchCachePolicy = "search", SearchCacheTag = "search", SearchPagePolicy = "page.search";

    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddOptions<LuceneOptions>().BindConfiguration("Search:Lucene");
        services.AddOptions<ElasticsearchSearchOptions>().BindConfiguration(ElasticsearchSearchOptions.Section);
        services.AddScoped<SearchFeed>();
        services.AddDomainEventHandler<ListingChanged, SearchFeedHandlers>();
        services.AddDomainEventHandler<PatentChanged, SearchFeedHandlers>();
        var engine = builder.Configuration["Search:Engine"] ?? "Lucene";
        if (engine.Equals("Elasticsearch", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton(sp => ElasticsearchEngine.CreateClient(sp.GetRequiredService<IOptions<ElasticsearchSearchOptions>>().Value));
            services.AddSingleton<ISearchEngine>(sp => new ElasticsearchEngine(
                sp.GetRequiredService<Elastic.Clients.Elasticsearch.ElasticsearchClient>(), sp.GetRequiredService<IOptions<ElasticsearchSearchOptions>>().Value));
        }
        else
        {
            services.AddSingleton<ISearchEngine, LuceneEngine>();
        }
        // Identical searches within a few seconds are answered from memory. The indexer evicts the "search" tag
        // whenever it changes this instance's index; the expiry bounds staleness where another instance fed a
        // shared (Elasticsearch) index. Only the search's own parameters make an entry: a made-up parameter
        // (a cache-buster) cannot fill the cache with copies. Search:OutputCacheSeconds = 0 turns it off.
        var seconds = builder.Configuration.GetValue("Search:OutputCacheSeconds", 5.0);
        services.AddOutputCache(o => o.AddPolicy(SearchCachePolicy, b =>
        {
            if (seconds <= 0) b.NoCache();
            else b.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery(SearchRequest.QueryNames).Tag(SearchCacheTag);
        }));
        // The search page for anonymous visitors, as the catalog's: evicted with the API's answers when the index
        // changes (the page shows the index, which follows the database a moment later), and only by its own parameters.
        services.AddOutputCache(o => o.AddAnonymousPage(SearchPagePolicy, PageCaching.Lifetime(builder.Configuration), SearchCacheTag,
            SearchRequest.QueryNames));
        services.AddSingleton<SearchService>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        return builder;
    }
}
