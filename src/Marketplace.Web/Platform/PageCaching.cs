using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Marketplace.Web.Platform;

/// <summary>
/// Output caching of the public HTML pages (home, catalog, a listing), the pages read most: one rendering per
/// language and per set of the page's own parameters serves every anonymous visitor until the change that makes it
/// stale evicts its tag, or its lifetime ends (what another instance's change may leave stale here). A page that is
/// cached carries nothing of one visitor (docs/decisions/0020): no antiforgery token, no cookie.
/// </summary>
public static class PageCaching
{
    /// <summary>The pages that show the market's listings; evicted after the commit of any listing or patent change.</summary>
    public const string MarketTag = "pages.market";

    /// <summary>How long a cached page is served at most (Pages:OutputCacheSeconds; 0 turns page caching off).</summary>
    public static TimeSpan Lifetime(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Pages:OutputCacheSeconds", 10.0));

    /// <summary>A cached page for anonymous visitors named <paramref name="name"/>, varying by language and by
    /// <paramref name="queryNames"/>, the only parameters the page reads: a request with any other parameter (a
    /// cache-buster) is rendered but neither looked up nor stored, so it cannot fill the cache with copies, and a
    /// cached page's own links (the language switch returns to the page's address) hold only those parameters.</summary>
    public static OutputCacheOptions AddAnonymousPage(this OutputCacheOptions options, string name, TimeSpan lifetime, string tag,
        params string[] queryNames)
    {
        options.AddPolicy(name, b =>
        {
            if (lifetime <= TimeSpan.Zero) b.NoCache();
            else b.With(c => OnlyOwn(c.HttpContext.Request, queryNames))
                .AddPolicy<AnonymousOnlyCaching>().AddPolicy<NothingOfOneVisitor>()
                .SetVaryByQuery(queryNames)
                // Request localization runs first, so this is the language the page will be written in (the cookie's).
                .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
                .Expire(lifetime).Tag(tag);
        });
        return options;
    }

    /// <summary>Bounds the memory of every output cache of the app (search answers, listings, pages): a flood of distinct
    /// queries then pushes out older entries instead of growing memory (Pages:OutputCacheMegabytes).</summary>
    public static void LimitSize(OutputCacheOptions options, IConfiguration configuration) =>
        options.SizeLimit = configuration.GetValue("Pages:OutputCacheMegabytes", 64L) * 1024 * 1024;

    private static bool OnlyOwn(HttpRequest request, string[] queryNames) =>
        request.Query.Keys.All(k => queryNames.Contains(k, StringComparer.OrdinalIgnoreCase));

    /// <summary>The framework's default already refuses a response that sets a cookie; this also refuses one that
    /// forbids storing (antiforgery marks a page carrying a token no-store), so a token could never be shared.</summary>
    private sealed class NothingOfOneVisitor : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
        {
            var response = context.HttpContext.Response;
            if (response.Headers.SetCookie.Count > 0 || response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
