using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Benchmarks.Pages;

/// <summary>
/// A page's ceiling: the same Razor page and layout rendered from the page model a real request left behind, held in
/// memory, through a pipeline branch that has routing and nothing else (no authentication, output cache, localization,
/// antiforgery or rate limits; the caller and culture the captured request had are set from memory too). The branch
/// is taken by requests carrying <see cref="Header"/>; the page model is a copy of the held one (the framework sets
/// its context per request) and its handler is skipped, so no page model reads the database. What the views
/// themselves ask of their injected services (the layout's unread counts) still runs, and is counted.
/// </summary>
internal sealed class PageCeiling
{
    public const string Header = "X-Bench-Ceiling";
    public const string CaptureHeader = "X-Bench-Capture";
    private const string HeldItem = "bench.held-model";
    private static readonly MethodInfo Clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
    private readonly ConcurrentDictionary<string, Held> held = new();

    private sealed record Held(object Model, ClaimsPrincipal User, CultureInfo Culture);

    public int HeldCount => held.Count;

    private static string Key(HttpRequest request, string who) => who + " " + request.Path + request.QueryString;

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton<IStartupFilter>(new Branch(this));
        var inner = services.Last(s => s.ServiceType == typeof(IPageModelActivatorProvider));
        services.Replace(ServiceDescriptor.Singleton<IPageModelActivatorProvider>(sp =>
            new Activator((IPageModelActivatorProvider)(inner.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)))));
        services.Configure<MvcOptions>(o => o.Filters.Add(new Filter(this)));
        // The branch has no authorization middleware, on purpose: the caller is set from memory.
        services.Configure<RouteOptions>(o => o.SuppressCheckForUnhandledSecurityMetadata = true);
    }

    private sealed class Branch(PageCeiling ceiling) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.MapWhen(c => c.Request.Headers.ContainsKey(Header), branch =>
            {
                branch.Use(async (context, go) =>
                {
                    var key = Key(context.Request, context.Request.Headers[Header].ToString());
                    if (!ceiling.held.TryGetValue(key, out var held)) { context.Response.StatusCode = 404; return; }
                    context.User = held.User;
                    context.Items[HeldItem] = held.Model;
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = held.Culture;
                    await go(context);
                });
                branch.UseRouting();
                branch.UseEndpoints(e => e.MapRazorPages());
            });
            next(app);
        };
    }

    /// <summary>A shallow copy of the held model for the ceiling's requests; the app's own activator otherwise.</summary>
    private sealed class Activator(IPageModelActivatorProvider inner) : IPageModelActivatorProvider
    {
        public Func<PageContext, object> CreateActivator(CompiledPageActionDescriptor descriptor)
        {
            var create = inner.CreateActivator(descriptor);
            return context => context.HttpContext.Items.TryGetValue(HeldItem, out var model) ? Clone.Invoke(model, null)! : create(context);
        }

        public Action<PageContext, object>? CreateReleaser(CompiledPageActionDescriptor descriptor) => inner.CreateReleaser(descriptor);

        public Func<PageContext, object, ValueTask>? CreateAsyncReleaser(CompiledPageActionDescriptor descriptor) => inner.CreateAsyncReleaser(descriptor);
    }

    /// <summary>Skips the handler of a ceiling request; keeps the model a capturing request's handler filled.</summary>
    private sealed class Filter(PageCeiling ceiling) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (http.Items.ContainsKey(HeldItem))
            {
                context.Result = new PageResult();
                return;
            }
            var executed = await next();
            if (http.Request.Headers[CaptureHeader].ToString() is { Length: > 0 } who && executed.Result is null or PageResult && executed.Exception is null)
                ceiling.held[Key(http.Request, who)] = new Held(context.HandlerInstance, http.User, CultureInfo.CurrentUICulture);
        }
    }
}
