namespace Marketplace.Web.Platform;

/// <summary>Response headers that close common browser-side attacks. The API reference at /docs loads its
/// own inline styles, so its policy is looser than the app's.</summary>
internal static class SecurityHeaders
{
    // Stripe.js must load from Stripe and runs the card, Alipay and WeChat Pay forms in its own frames.
    private const string AppPolicy =
        "default-src 'self'; img-src 'self' data: https://*.stripe.com; style-src 'self'; script-src 'self' https://js.stripe.com; " +
        "connect-src 'self' ws: wss: https://api.stripe.com; frame-src https://js.stripe.com https://hooks.stripe.com; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
    private const string DocsPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? DocsPolicy : AppPolicy;
        await next();
    });
}
