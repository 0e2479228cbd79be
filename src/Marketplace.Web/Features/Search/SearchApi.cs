using Marketplace.Domain.Common;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Web.Features.Search;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/search").WithTags("Search");
        api.MapGet("/", async ([AsParameters] SearchRequest request, SearchService search, CancellationToken ct) =>
            TypedResults.Ok(await search.SearchAsync(request.ToQuery(), ct))).CacheOutput(SearchFeature.SearchCachePolicy);
        api.MapGet("/suggest", Suggest).CacheOutput(SearchFeature.SearchCachePolicy);
        api.MapPost("/reindex", async (SearchIndexer indexer, CancellationToken ct) =>
        {
            indexer.RequestRebuild();
            await indexer.RunOnceAsync(ct);
            return TypedResults.Accepted("/api/search");
        }).RequireAuthorization(Roles.ParkAdmin);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<string>>> Suggest(string? q, ISearchEngine engine, CancellationToken ct)
    {
        var text = new SearchRequest { Q = q }.ToQuery().Text;
        if (text is null) return TypedResults.Ok<IReadOnlyList<string>>([]);
        if (text.Length > 50) throw new DomainRuleException("q", "Suggestions need at most 50 characters.");
        return TypedResults.Ok(await engine.SuggestAsync(text, 10, ct));
    }
}
