using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>A field a page binds: a route value, a query value (GET), or a form field (a POST handler).</summary>
public sealed record PageField(string Name, ValueKind Kind);

public sealed record PageHandler(string? Name, IReadOnlyList<PageField> Fields);

public sealed record SweepPage(string Route, IReadOnlyList<PageField> RouteValues, IReadOnlyList<PageField> Query, IReadOnlyList<PageHandler> Posts)
{
    public override string ToString() => "/" + Route;
}

/// <summary>
/// Every Razor page the app serves, found as the app itself routes them, with what each binds: read from its page model
/// (bound properties, handler parameters), so a new page or field is swept without anyone listing it.
/// </summary>
public static class RazorPages
{
    public static IReadOnlyList<SweepPage> All(IServiceProvider services)
    {
        var models = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(a => a.Kind == "mvc.1.0.razor-page")
            .ToDictionary(a => a.Identifier, a => a.Type.GetProperty("Model")?.PropertyType);
        var pages = new Dictionary<string, SweepPage>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var path = page.RelativePath;
            // A folder's Index answers at the folder and at /Index; the shorter route is swept.
            if (pages.TryGetValue(path, out var known) && known.Route.Length <= endpoint.RoutePattern.RawText!.Length) continue;
            var model = models.GetValueOrDefault(path);
            var routeValues = endpoint.RoutePattern.Parameters
                .Select(p => new PageField(p.Name, p.ParameterPolicies.Any(c => c.Content == "guid") ? ValueKind.Guid
                    : p.ParameterPolicies.Any(c => c.Content == "int") ? ValueKind.Integer : ValueKind.Text)).ToList();
            var routeNames = routeValues.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            pages[path] = new SweepPage(endpoint.RoutePattern.RawText!, routeValues,
                model is null ? [] : Fields(model, "OnGet", supportsGet: true).Where(f => !routeNames.Contains(f.Name)).ToList(),
                model is null ? [] : Handlers(model).Select(h => h with { Fields = h.Fields.Where(f => !routeNames.Contains(f.Name)).ToList() }).ToList());
        }
        return pages.Values.Where(p => !p.Route.StartsWith("Errors", StringComparison.Ordinal)).OrderBy(p => p.Route).ToList();
    }

    private static IEnumerable<PageHandler> Handlers(Type model) => model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
        .Select(m => m.Name[6..].Replace("Async", ""))
        .Distinct()
        .Select(name => new PageHandler(name.Length == 0 ? null : name, Fields(model, "OnPost" + name, supportsGet: false).ToList()));

    private static IEnumerable<PageField> Fields(Type model, string handler, bool supportsGet)
    {
        foreach (var property in model.GetProperties().Where(p => p.CanWrite))
        {
            var bind = property.GetCustomAttribute<BindPropertyAttribute>();
            if (bind is null || (supportsGet && !bind.SupportsGet)) continue;
            foreach (var field in Expand(property.Name, property.PropertyType, 0)) yield return field;
        }
        var method = model.GetMethod(handler) ?? model.GetMethod(handler + "Async");
        foreach (var parameter in method?.GetParameters() ?? [])
        {
            if (parameter.ParameterType == typeof(CancellationToken)) continue;
            var prefix = parameter.GetCustomAttribute<BindAttribute>()?.Prefix ?? parameter.Name!;
            foreach (var field in Expand(prefix, parameter.ParameterType, 0)) yield return field;
        }
    }

    private static IEnumerable<PageField> Expand(string name, Type type, int depth)
    {
        if (ElementOf(type) is { } element) return Expand(name + "[0]", element, depth + 1);
        var kind = Kind(type);
        if (kind != ValueKind.Object) return [new PageField(name, kind)];
        if (depth > 2) return [];
        return type.GetProperties().Where(p => p.CanWrite).SelectMany(p => Expand($"{name}.{p.Name}", p.PropertyType, depth + 1));
    }

    private static ValueKind Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return ValueKind.Text;
        if (type.IsEnum) return ValueKind.Enum;
        if (type == typeof(int) || type == typeof(long) || type == typeof(uint) || type == typeof(short)) return ValueKind.Integer;
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return ValueKind.Number;
        if (type == typeof(bool)) return ValueKind.Boolean;
        if (type == typeof(DateOnly)) return ValueKind.Date;
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return ValueKind.DateTime;
        if (type == typeof(Guid)) return ValueKind.Guid;
        return ValueKind.Object;
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? item
        : null;
}
