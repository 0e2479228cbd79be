using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Localization;

namespace Marketplace.Web.Features.Shared;

public static class PagesFeature
{
    public const string HomePagePolicy = "page.home";

    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        // Razor would otherwise write every 汉字 as a numeric entity; Chinese pages should read as Chinese.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        // Pages live beside their feature's API and services: Features/Accounts/Login.cshtml is /Accounts/Login.
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Organizations");
            })
            .AddMvcOptions(o =>
            {
                o.ModelBinderProviders.Insert(0, new FormBooleanBinderProvider());
                o.ValueProviderFactories.Insert(0, new PageNumberValueProviderFactory());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, BindingMessages>();
        // The public home: its market is evicted with the catalog's pages; its other sections keep their answers for
        // the public home's lifetime anyway, so the page is kept no longer than that.
        var pages = PageCaching.Lifetime(builder.Configuration);
        var home = pages < HomeSections.PublicLifetime ? pages : HomeSections.PublicLifetime;
        builder.Services.AddOutputCache(o =>
        {
            PageCaching.LimitSize(o, builder.Configuration);
            o.AddAnonymousPage(HomePagePolicy, home, PageCaching.MarketTag);
        });
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<PersonalHomes>();
        builder.Services.AddDomainEventHandler<Marketplace.Domain.Common.IDomainEvent, HomesOnAnyChange>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
