using Marketplace.Web.Features.Search.Elasticsearch;
using Marketplace.Web.Features.Search.Lucene;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Search;

public static class SearchFeature
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SearchOptions>().BindConfiguration("Search");
        services.AddOptions<LuceneOptions>().BindConfiguration("Search:Lucene");
        services.AddOptions<ElasticsearchSearchOptions>().BindConfiguration("Search:Elasticsearch");
        services.AddScoped<SearchFeed>();
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
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        return builder;
    }
}
