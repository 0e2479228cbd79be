using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Web.Platform;

public sealed class ErrorPagesOptions
{
    /// <summary>
    /// Lets ASP.NET Core's developer exception page (source, headers, cookies) through for requests from this machine,
    /// in the Development environment only. Off unless a developer sets <c>Errors__DeveloperPage=true</c>.
    /// </summary>
    public bool DeveloperPage { get; set; }
}

/// <summary>
/// One error mechanism for the whole app, decided by the request: a browser (a page address with
/// <c>Accept: text/html</c>) gets the product's page in the site's layout and language; API clients (<c>/api</c>, or
/// anything not asking for HTML) get RFC 9457 problem details. Exceptions are mapped to a status once
/// (<see cref="ProblemDetailsExceptionHandler"/>); empty 4xx/5xx answers (routing, authorization, antiforgery, rate
/// limits) go through status-code pages.
/// </summary>
public static class ErrorPages
{
    /// <summary>Where the product's error page answers (Features/Errors implements it).</summary>
    public const string Path = "/Errors";

    /// <summary>HttpContext.Items key: seconds a refused client should wait, for the 429 page.</summary>
    public const string RetryAfterItem = "marketplace.retry-after";

    public static WebApplicationBuilder AddErrorPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ErrorPagesOptions>().BindConfiguration("Errors");
        return builder;
    }

    public static IApplicationBuilder UseErrorPages(this WebApplication app)
    {
        app.UseLastResort();
        app.UseWhen(c => !DeveloperPageFor(c), handled =>
        {
            handled.UseExceptionHandler();
            // The status an exception maps to, from the same map the API's problem details use.
            var map = app.Services.GetServices<Microsoft.AspNetCore.Diagnostics.IExceptionHandler>().OfType<ProblemDetailsExceptionHandler>().Single();
            handled.UseWhen(c => WantsHtml(c.Request), html => html.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = Path,
                StatusCodeSelector = exception => map.Map(exception)?.Status ?? StatusCodes.Status500InternalServerError,
                // The request's own services (its DbContext above all) may be what failed.
                CreateScopeForErrors = true,
            }));
        });
        app.UseStatusCodePages();
        app.UseWhen(c => WantsHtml(c.Request), html => html.UseStatusCodePagesWithReExecute(Path + "/{0}"));
        return app;
    }

    /// <summary>A page address asked for by a browser. <c>/api</c> answers JSON whatever the Accept header says.</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs")) return false;
        foreach (var accept in request.GetTypedHeaders().Accept)
            if (accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || accept.MediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>Only a developer at this machine who opted in, and only in Development.</summary>
    private static bool DeveloperPageFor(HttpContext context)
    {
        var environment = context.RequestServices.GetRequiredService<IWebHostEnvironment>();
        var options = context.RequestServices.GetRequiredService<IOptions<ErrorPagesOptions>>().Value;
        return options.DeveloperPage && environment.IsDevelopment() && context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// In Development the host puts the developer exception page outside everything the app configures; whatever
    /// escapes the handlers above (an error page that itself failed) is stopped here with a bare 500, so the
    /// developer page is only ever reached by <see cref="DeveloperPageFor"/>.
    /// </summary>
    private static void UseLastResort(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (Exception) when (!context.Response.HasStarted && !DeveloperPageFor(context))
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.Headers[HeaderNames.CacheControl] = "no-store";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Internal error. Trace: {context.TraceIdentifier}");
        }
    });
}
