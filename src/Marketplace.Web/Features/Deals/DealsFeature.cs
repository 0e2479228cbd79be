
namespace Marketplace.Web.Features.Deals;

public static class DealsFeature
{
    public static WebApplicationBuilder AddDeals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<DealService>();
        services.AddScoped<DealReader>();
        services.AddScoped<DealNotices>();
        return builder;
    }
}
