using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Platform.Localization;

public static class LocalizationFeature
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The languages of the site, the park's first.</summary>
    public static readonly IReadOnlyList<CultureInfo> Cultures = [Chinese, English];

    /// <summary>"zh-Hans-CN", "zh" → Chinese; "en-GB" → English; anything else is not a language of the site.</summary>
    public static bool TrySupported(string? name, out CultureInfo culture)
    {
        var language = (name ?? "").Split('-', '_')[0].ToLowerInvariant();
        culture = language == "en" ? English : Chinese;
        return language is "en" or "zh";
    }

    public const string SwitchPath = "/culture";

    /// <summary>The address of the language switch to <paramref name="culture"/>, back to <paramref name="returnUrl"/>.</summary>
    public static string SwitchUrl(CultureInfo culture, string returnUrl) =>
        $"{SwitchPath}?culture={Uri.EscapeDataString(culture.Name)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static CultureInfo Supported(string? name) => TrySupported(name, out var culture) ? culture : Chinese;

    public static WebApplicationBuilder AddMarketplaceLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = [Chinese, English];
            o.SupportedUICultures = [Chinese, English];
            // The visitor's choice (cookie) wins; pages otherwise speak the park's language, not the browser's guess.
            // API clients (a bank's system) have no cookie: they say what they read with Accept-Language, and so do
            // hub clients that sign in with a bearer token (browsers use the cookie, and their Accept-Language is
            // the browser's guess, not the reader's choice on this site).
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context => IsApiClient(context.Request)
                    ? acceptLanguage.DetermineProviderCultureResult(context)
                    : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });
        return builder;
    }

    private static bool IsApiClient(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || (request.Path.StartsWithSegments("/hubs") && (request.Headers.Authorization.Count > 0 || request.Query.ContainsKey("access_token")));

    /// <summary>GET /culture?culture=en&amp;returnUrl=/Listings: the language switch in the page header is a plain link, so
    /// a cached public page carries no visitor's antiforgery token (docs/decisions/0020). It only sets the language
    /// cookie and returns to a page of this site: a cross-site link can at most change a visitor's language.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet(SwitchPath, (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = culture == English.Name ? English : Chinese;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            context.Response.Headers.CacheControl = "no-store";
            return Results.LocalRedirect(Platform.LocalUrl.OrDefault(returnUrl, "/"));
        }).ExcludeFromDescription();
        return app;
    }
}
