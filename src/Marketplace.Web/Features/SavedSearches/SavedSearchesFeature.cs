using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Needs;

namespace Marketplace.Web.Features.SavedSearches;

public static class SavedSearchesFeature
{
    public static WebApplicationBuilder AddSavedSearches(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SavedSearchService>();
        services.AddDomainEventHandler<Domain.Listings.ListingChanged, QueueOnPublished>();
        services.AddDomainEventHandler<Domain.Matchmaking.NewListingsMatched, NeedMatchNotices>();
        // The embedded engine's percolator; with Search:Engine=Elasticsearch the cluster's percolator does the same.
        if (builder.Configuration["Search:Engine"] == "Elasticsearch")
        {
            services.AddSingleton<ElasticsearchPercolator>();
            services.AddSingleton<ISavedSearchPercolator>(sp => sp.GetRequiredService<ElasticsearchPercolator>());
        }
        else services.AddSingleton<ISavedSearchPercolator, LucenePercolator>();
        services.AddSingleton<SavedSearchAlerts>();
        services.AddHostedService(sp => sp.GetRequiredService<SavedSearchAlerts>());
        return builder;
    }

    public static IEndpointRouteBuilder MapSavedSearchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/saved-searches").WithTags("Saved searches").RequireAuthorization(NeedsFeature.CanPostNeeds);
        api.MapGet("/", async (ClaimsPrincipal user, SavedSearchService searches, CancellationToken ct) =>
            TypedResults.Ok((await searches.MineAsync(user, ct)).Select(SavedSearchService.ToResponse).ToList()));
        api.MapPost("/", async (SaveSearchRequest request, ClaimsPrincipal user, SavedSearchService searches, CancellationToken ct) =>
        {
            var saved = await searches.SaveAsync(user, request, ct);
            return TypedResults.Created($"/api/saved-searches/{saved.Id}", SavedSearchService.ToResponse(saved));
        });
        api.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, SavedSearchService searches, CancellationToken ct) =>
        {
            await searches.DeleteAsync(user, id, ct);
            return TypedResults.NoContent();
        });
        return app;
    }
}
