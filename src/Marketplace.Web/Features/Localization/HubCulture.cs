using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Localization;

/// <summary>
/// The language of a SignalR connection. Hub calls do not pass through request localization one by one, so the
/// language is read once from the request that opened the connection, by the same providers as every request
/// (the culture cookie; Accept-Language for clients that sign in with a bearer token), and kept for the connection.
/// </summary>
public static class HubCulture
{
    private const string Key = "marketplace.culture";

    public static async ValueTask<CultureInfo> OfAsync(HubCallerContext connection)
    {
        if (connection.Items.TryGetValue(Key, out var known) && known is CultureInfo culture) return culture;
        culture = await DetermineAsync(connection.GetHttpContext());
        connection.Items[Key] = culture;
        return culture;
    }

    private static async Task<CultureInfo> DetermineAsync(HttpContext? http)
    {
        if (http is null) return LocalizationFeature.Chinese;
        // WebSockets keep the request that request localization already ran on; long polling hands over a copy without it.
        if (http.Features.Get<IRequestCultureFeature>() is { } feature) return LocalizationFeature.Supported(feature.RequestCulture.UICulture.Name);
        var options = http.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;
        foreach (var provider in options.RequestCultureProviders)
        {
            var result = await provider.DetermineProviderCultureResult(http);
            foreach (var name in result?.UICultures ?? [])
                if (LocalizationFeature.TrySupported(name.Value, out var found)) return found;
        }
        return LocalizationFeature.Chinese;
    }
}
