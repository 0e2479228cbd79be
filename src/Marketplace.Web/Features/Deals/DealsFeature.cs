using Marketplace.Domain.Deals;
using Marketplace.Web.Data;

namespace Marketplace.Web.Features.Deals;

public static class DealsFeature
{
    public static WebApplicationBuilder AddDeals(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<DealService>();
        services.AddScoped<DealReader>();
        services.AddDomainEventHandler<DealStepTaken, DealAudit>();
        services.AddDomainEventHandler<InstalmentChanged, DealAudit>();
        services.AddDomainEventHandler<DealStepTaken, DealNotices>();
        services.AddDomainEventHandler<InstalmentChanged, DealNotices>();
        return builder;
    }
}
