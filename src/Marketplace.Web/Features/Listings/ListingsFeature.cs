using Marketplace.Domain.Deals;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Marketplace.Web.Features.Search;

namespace Marketplace.Web.Features.Listings;

public static class ListingsFeature
{
    public const string ListingCachePolicy = "listing", CatalogPagePolicy = "page.catalog", DetailPagePolicy = "page.listing";

    public static WebApplicationBuilder AddListings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListingService>();
        builder.Services.AddScoped<ListingReader>();
        builder.Services.AddScoped<CatalogQuery>();
        builder.Services.AddListingsOnHome();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<CatalogTotals>();
        builder.Services.AddDomainEventHandler<Domain.Listings.ListingChanged, CatalogTotalsOnChange>();
        builder.Services.AddDomainEventHandler<DealRecorded, CloseOnTransfer>();
        builder.Services.AddDomainEventHandler<Domain.Listings.ListingChanged, ListingNotices>();
        builder.Services.AddDomainEventHandler<PatentLapsed, SuspendOnLapse>();
        builder.Services.AddDomainEventHandler<PatentRestored, SuspendOnLapse>();
        builder.Services.AddDomainEventHandler<Domain.Listings.ListingChanged, AnonymousPagesOnChange>();
        builder.Services.AddDomainEventHandler<PatentChanged, AnonymousPagesOnChange>();
        // A published listing reads the same for every anonymous visitor, and it is the catalog's most-read answer.
        // Every listing or patent change reaches the search indexer, which evicts the catalog tag on this instance;
        // the short expiry bounds what another instance may still serve.
        var seconds = builder.Configuration.GetValue("Search:OutputCacheSeconds", 5.0);
        builder.Services.AddOutputCache(o => o.AddPolicy(ListingCachePolicy, b =>
        {
            if (seconds <= 0) b.NoCache();
            else b.AddPolicy<AnonymousOnlyCaching>().Expire(TimeSpan.FromSeconds(seconds)).Tag(SearchFeature.SearchCacheTag);
        }));
        // The catalog and a listing's page, for anonymous visitors: only the catalog's own filters make an entry.
        var pages = PageCaching.Lifetime(builder.Configuration);
        builder.Services.AddOutputCache(o => o
            .AddAnonymousPage(CatalogPagePolicy, pages, PageCaching.MarketTag, "Q", "Type", "Mode", "Owner", "Sleeping", "Field", "Page", "PageSize", "After", "Before")
            .AddAnonymousPage(DetailPagePolicy, pages, PageCaching.MarketTag));
        return builder;
    }
}
