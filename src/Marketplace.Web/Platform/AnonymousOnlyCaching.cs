using Microsoft.AspNetCore.OutputCaching;

namespace Marketplace.Web.Platform;

/// <summary>
/// Output caching for answers that are the same for every anonymous visitor but not for a signed-in one (an
/// office also sees its own drafts). The cache runs before authentication, so the framework's own "not for
/// authenticated users" check cannot see the sign-in cookie yet; this policy looks for the cookie itself.
/// </summary>
public sealed class AnonymousOnlyCaching : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        if (context.HttpContext.Request.Cookies.ContainsKey(Identity.AuthCookies.SignIn))
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;
}
