namespace Marketplace.Web.Features.Listings;

public static class ListingsFeature
{
    public static WebApplicationBuilder AddListings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListingService>();
        builder.Services.AddScoped<ListingReader>();
        builder.Services.AddScoped<CatalogQuery>();
        return builder;
    }
}
