using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Deals;

namespace Marketplace.Web.Tests.Sweep;

/// <summary>A browser of the sweep: a caller signed in by the login form, holding its cookies and an antiforgery token.</summary>
public sealed record SweepBrowser(SweepCaller Caller, FormClient Form, string Token);

/// <summary>
/// Every Razor page with <c>Accept: text/html</c>: each route as each browser with the victims' ids, other and unknown
/// ids; then, as up to <c>variantCallers</c> browsers that got the page, each query field and each POST handler's form
/// fields with boundary values, one at a time. No page may answer 5xx or show another organisation's secret.
/// </summary>
public sealed partial class PageSweep(SweepWorld world, SweepLog log)
{
    public async Task RunAsync(SweepPage page, IReadOnlyList<SweepBrowser> browsers, int variantCallers)
    {
        var route = page.RouteValues.ToDictionary(r => r.Name, r => Default(r, page));
        var reached = new List<(SweepBrowser Browser, int Status)>();
        foreach (var browser in browsers) reached.Add((browser, await GetAsync(page, browser, route, null, "baseline")));
        foreach (var field in page.RouteValues.Where(r => r.Kind == ValueKind.Guid))
        foreach (var (label, id) in new[] { ("other object", world.OtherIdFor(Api(page))), ("empty id", Guid.Empty), ("unknown id", Guid.NewGuid()) })
            if (id is { } value)
                foreach (var browser in browsers)
                    await GetAsync(page, browser, new(route) { [field.Name] = value.ToString() }, null, $"{field.Name}: {label}");

        // A redirect is the sign-in challenge (or access denied): such a browser never reached the page.
        var deep = reached.Where(r => r.Status == 200 || (r.Status >= 400 && r.Status is not (401 or 403 or 404)))
            .OrderBy(r => r.Status != 200).Take(variantCallers).Select(r => r.Browser).ToList();
        foreach (var browser in deep)
        {
            foreach (var field in page.RouteValues.Where(r => r.Kind != ValueKind.Guid))
            foreach (var (label, value) in BoundaryValues.Path(field.Kind))
                await GetAsync(page, browser, new(route) { [field.Name] = value }, null, $"{field.Name}: {label}");
            foreach (var field in page.Query)
            foreach (var (label, value) in BoundaryValues.Query(field.Kind))
                await GetAsync(page, browser, route, $"{field.Name}={value}", $"{field.Name}: {label}");
        }

        foreach (var handler in page.Posts)
        {
            var form = handler.Fields.ToDictionary(f => f.Name, f => Plausible(f, page));
            foreach (var browser in browsers) await PostAsync(page, handler, browser, route, form, "baseline");
            foreach (var browser in deep)
            foreach (var field in handler.Fields)
            foreach (var (label, value) in BoundaryValues.Query(field.Kind))
                await PostAsync(page, handler, browser, route, new(form) { [field.Name] = Uri.UnescapeDataString(value) }, $"{field.Name}: {label}");
        }
    }

    private string Default(PageField field, SweepPage page) => field.Kind switch
    {
        ValueKind.Guid => world.IdFor(field.Name, Api(page)).ToString(),
        ValueKind.Integer => "2025",
        _ => "x",
    };

    private string Plausible(PageField field, SweepPage page) => field.Kind switch
    {
        ValueKind.Guid => world.IdFor(field.Name, Api(page)).ToString(),
        ValueKind.Integer => "1",
        ValueKind.Number => "1000",
        ValueKind.Boolean => "false",
        ValueKind.Date => DealScenario.Today,
        ValueKind.DateTime => DealScenario.Today + "T10:00",
        ValueKind.Enum => "",
        _ => field.Name.Contains("Email", StringComparison.OrdinalIgnoreCase) ? "sweep@example.cn" : "测试",
    };

    /// <summary>The API path whose ids the page shows: /Deals/Detail/{id} is about /api/deals/{id}.</summary>
    private static string Api(SweepPage page) => "/api/" + page.Route.Split('/')[0].ToLowerInvariant();

    private static string Url(SweepPage page, Dictionary<string, string> route, string? query)
    {
        var url = "/" + RouteParameter().Replace(page.Route, m => route.GetValueOrDefault(m.Groups[1].Value, "") ?? "");
        return (query is null ? url : url + "?" + query).Replace("//", "/");
    }

    private async Task<int> GetAsync(SweepPage page, SweepBrowser browser, Dictionary<string, string> route, string? query, string label)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(page, route, query));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        return await SendAsync(browser, request, $"GET {page} [{label}] as {browser.Caller.Name}");
    }

    private async Task PostAsync(SweepPage page, PageHandler handler, SweepBrowser browser, Dictionary<string, string> route,
        Dictionary<string, string> fields, string label)
    {
        var url = Url(page, route, handler.Name is null ? null : $"handler={handler.Name}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", browser.Token))),
        };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        await SendAsync(browser, request, $"POST {page}?handler={handler.Name} [{label}] as {browser.Caller.Name}");
    }

    private async Task<int> SendAsync(SweepBrowser browser, HttpRequestMessage request, string @case)
    {
        try
        {
            using var response = await browser.Form.Http.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var leaked = world.ForbiddenFor(browser.Caller).FirstOrDefault(secret => html.Contains(secret, StringComparison.Ordinal));
            log.Record(status, @case, status >= 500 ? Title(html) : leaked is null ? null : $"leaked {leaked}");
            return status;
        }
        catch (HttpRequestException e)
        {
            log.Record(599, @case, "connection cut: " + e.Message);
            return 599;
        }
    }

    private static string Title(string html) => TitlePattern().Match(html) is { Success: true } m ? m.Groups[1].Value : html[..Math.Min(200, html.Length)];

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();
}
