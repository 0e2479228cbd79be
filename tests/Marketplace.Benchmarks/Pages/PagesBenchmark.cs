using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Tests.Shared;
using Marketplace.Web.Demo;
using Marketplace.Web.Features.Listings;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks.Pages;

/// <summary>
/// Issue 22's page benchmark: the pages people load most, anonymous and signed in, on 100,000 listings from real
/// records and 1,000,000 deals, each against its ceiling in the same run (<see cref="PageCeiling"/>), then the bad
/// input (a deep page, every filter, a cache-busting flood, 256 connections). Run with `./marketplace.sh bench pages`;
/// writes the "Pages" section of docs/benchmarks.md.
/// </summary>
internal static partial class PagesBenchmark
{
    public const string NotCached = "anonymous, not cached";

    public sealed record Row(string Page, string Who, PageFigures App, PageFigures? Ceiling);

    public sealed record Stress(string Case, int Connections, PageFigures Figures, long HeapMiB, long WorkingSetMiB);

    public static async Task RunAsync()
    {
        var listings = Setting("BENCH_LISTINGS", 100_000);
        var seconds = Setting("BENCH_PAGE_SECONDS", 3);
        var output = Environment.GetEnvironmentVariable("BENCH_OUTPUT") ?? "docs/benchmarks.md";
        var database = new TestDatabase("marketplace_bench_pages");
        var prepared = Stopwatch.StartNew();
        if (!await HasDataAsync(database, listings))
        {
            await database.CreateAsync();
            await LoadData.GenerateAsync(database, listings, Setting("BENCH_DEALS", 1_000_000), Setting("BENCH_LOANS", 100_000));
        }
        var ceiling = new PageCeiling();
        using var sql = new SqlStatements();
        await using var app = BenchHost.Start(database, b => b.ConfigureTestServices(ceiling.AddTo));
        await app.Services.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
        Console.WriteLine($"data and index ready in {prepared.Elapsed.TotalSeconds:F0} s");

        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        var anonymous = Client(baseAddress);
        var enterprise = await SignedInAsync(baseAddress, "enterprise1@demo.local");
        var bank = await SignedInAsync(baseAddress, "officer@bank1.demo.local");
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var ids = await CeilingsBenchmark.ListingIdsAsync(source, 50);
        var room = await OpenRoomAsync(baseAddress, "enterprise1@demo.local", ids[^1]);
        // Where the "next" links of pages 199 and 4,999 point: a cursor at the last row before pages 200 and 5,000.
        var page200 = await CursorBeforeAsync(source, 199 * 20);
        var page5000 = await CursorBeforeAsync(source, 4999 * 20);
        var queries = Generator.Queries.Take(10).Select(Uri.EscapeDataString).ToList();
        var cache = app.Services.GetRequiredService<IOutputCacheStore>();
        Func<Task> evict = () => cache.EvictByTagAsync(SearchFeature.SearchCacheTag, default).AsTask();
        const string filters = "Type=Invention&Mode=Licence&Field=B";
        // A parameter the page does not read is neither looked up in nor stored to the output cache (PageCaching):
        // the same page rendered for an anonymous visitor every time, which signed-in pages are compared with.
        const string uncached = "bench=uncached";

        var pages = new List<(string Page, string Who, HttpClient Client, Func<int, string> Url, Func<Task>? Before)>
        {
            ("home", "anonymous", anonymous, _ => "/", null),
            ("home", NotCached, anonymous, _ => "/?" + uncached, null),
            ("home", "enterprise", enterprise, _ => "/", null),
            ("home", "bank officer", bank, _ => "/", null),
            ("catalog, page 1", "anonymous", anonymous, _ => "/Listings", null),
            ("catalog, page 1", NotCached, anonymous, _ => "/Listings?" + uncached, null),
            ("catalog, page 1", "enterprise", enterprise, _ => "/Listings", null),
            ("catalog, page 200", "anonymous", anonymous, _ => "/Listings?Page=200", null),
            ("catalog, page 200", NotCached, anonymous, _ => "/Listings?Page=200&" + uncached, null),
            ("catalog, page 200", "enterprise", enterprise, _ => "/Listings?Page=200", null),
            ("catalog, page 200 by link", NotCached, anonymous, _ => $"/Listings?Page=200&After={page200}&{uncached}", null),
            ("catalog, page 200 by link", "enterprise", enterprise, _ => $"/Listings?Page=200&After={page200}", null),
            ("catalog, filtered, page 1", "anonymous", anonymous, _ => "/Listings?" + filters, null),
            ("catalog, filtered, page 200", "anonymous", anonymous, _ => "/Listings?Page=200&" + filters, null),
            ("search, 10 repeated queries", "anonymous", anonymous, i => "/Search?Q=" + queries[i % queries.Count], null),
            ("search, 10 repeated queries", NotCached, anonymous, i => $"/Search?Q={queries[i % queries.Count]}&{uncached}", null),
            ("search, 10 repeated queries", "enterprise", enterprise, i => "/Search?Q=" + queries[i % queries.Count], null),
            ("search, never cached", "anonymous", anonymous, i => "/Search?Q=" + queries[i % queries.Count], evict),
            ("listing detail, 50 listings", "anonymous", anonymous, i => "/Listings/Detail/" + ids[i % ids.Count], null),
            ("listing detail, 50 listings", NotCached, anonymous, i => $"/Listings/Detail/{ids[i % ids.Count]}?{uncached}", null),
            ("listing detail, 50 listings", "enterprise", enterprise, i => "/Listings/Detail/" + ids[i % ids.Count], null),
            ("targets", "anonymous", anonymous, _ => "/Targets", null),
            ("targets", "enterprise", enterprise, _ => "/Targets", null),
            ("negotiation room", "enterprise", enterprise, _ => "/Inquiries/Room/" + room, null),
            ("pledge queue", "bank officer", bank, _ => "/Pledges/Queue", null),
        };
        // BENCH_PAGES=text[|text] measures only the rows whose name holds one of them, for profiling; nothing is written then.
        // Split on "|": row names hold commas ("anonymous, not cached").
        var only = Environment.GetEnvironmentVariable("BENCH_PAGES");
        if (!string.IsNullOrEmpty(only)) pages.RemoveAll(p => !only.Split('|').Any(o => $"{p.Page} ({p.Who})".Contains(o, StringComparison.Ordinal)));
        var run = TimeSpan.FromSeconds(seconds);
        var rows = new List<Row>();
        var measuring = Stopwatch.StartNew();
        foreach (var (page, who, client, url, before) in pages)
        {
            var app_ = await PageLoad.RunAsync($"{page} ({who})", client, i => Get(url(i)), sql, run: run, before: before);
            // The models the ceiling renders: one real request per address of the rotation, kept.
            for (var i = 0; i < 50; i++)
            {
                // A cached page runs no page model to capture.
                await cache.EvictByTagAsync(PageCaching.MarketTag, default);
                await evict();
                using var capture = Get(url(i));
                capture.Headers.Add(PageCeiling.CaptureHeader, who);
                (await client.SendAsync(capture)).EnsureSuccessStatusCode();
            }
            var bare = await PageLoad.RunAsync($"  ceiling: same view, model from memory", client, i =>
            {
                var request = Get(url(i));
                request.Headers.Add(PageCeiling.Header, who);
                return request;
            }, sql, run: run);
            rows.Add(new Row(page, who, app_, bare));
        }
        var engineVsPage = only is null or "" || only.Contains("search", StringComparison.Ordinal)
            ? await SearchPageVsEngineAsync(app.Services, anonymous, evict) : null;
        if (!string.IsNullOrEmpty(only)) return;
        var stress = await StressAsync(anonymous, sql, cache, run, page5000);
        var minutes = measuring.Elapsed.TotalMinutes;
        await Report.WriteSectionAsync(output, "## Pages", PagesReport.Markdown(listings, seconds, minutes, rows, engineVsPage!, stress));
        Console.WriteLine($"measured in {minutes:F1} min; written {output}");
    }

    /// <summary>The search page never cached against the engine as the search box calls it (SearchService: number lookup,
    /// relaxation, related fields, facets), the two in turn on each of the same 200 queries of real text, three runs: the
    /// goal is the page's p99 within 5 ms of the engine's in every run.</summary>
    private static Task<IReadOnlyList<Paired>> SearchPageVsEngineAsync(IServiceProvider services, HttpClient anonymous, Func<Task> evict)
    {
        var search = services.GetRequiredService<SearchService>();
        return Measure.PairedAsync("search engine (SearchService) vs search page never cached", Generator.Queries.Take(200).ToList(),
            q => search.SearchAsync(SearchQuery.All() with { Text = q }, default),
            async q =>
            {
                await evict();
                using var response = await anonymous.GetAsync("/Search?Q=" + Uri.EscapeDataString(q));
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            });
    }

    /// <summary>Bad input: a deep page, every filter at once, distinct queries that each miss the cache, and 256
    /// connections on the catalog. What matters: no 5xx, memory that stays bounded, the tail.</summary>
    private static async Task<List<Stress>> StressAsync(HttpClient anonymous, SqlStatements sql, IOutputCacheStore cache, TimeSpan run, string page5000)
    {
        var cases = new (string Case, int Connections, Func<int, string> Url)[]
        {
            ("catalog page 5,000", 16, _ => "/Listings?Page=5000"),
            // Rendered every time (a parameter the page does not read): by page number, the rows before it are counted
            // off the catalog index; by the link from page 4,999, the walk starts at its row.
            ("catalog page 5,000, not cached", 16, _ => "/Listings?Page=5000&bench=uncached"),
            ("catalog page 5,000 by link, not cached", 16, _ => $"/Listings?Page=5000&After={page5000}&bench=uncached"),
            ("catalog, every filter at once", 16, i => $"/Listings?Q=%E8%A3%85%E7%BD%AE&Type=Invention&Mode=Licence&Field=B6&Sleeping=false&Page={1 + i % 5}"),
            ("search, every query distinct (cache-busting flood)", 16, i => $"/Search?Q=%E8%88%B9%E8%88%B6+{i}"),
            ("catalog, every query distinct (cache-busting flood)", 16, i => $"/Listings?Q=%E8%88%B9{i}&Page=1"),
            ("catalog, page 1", 256, _ => "/Listings"),
        };
        var list = new List<Stress>();
        foreach (var (name, connections, url) in cases)
        {
            var figures = await PageLoad.RunAsync($"{name} ({connections} connections)", anonymous, i => Get(url(i)), sql, connections, run: run);
            var memory = GC.GetGCMemoryInfo();
            list.Add(new Stress(name, connections, figures, memory.HeapSizeBytes >> 20, Process.GetCurrentProcess().WorkingSet64 >> 20));
        }
        return list;
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    /// <summary>The cursor at the catalog's row number <paramref name="rows"/> (1-based), as the pager writes it.</summary>
    private static async Task<string> CursorBeforeAsync(NpgsqlDataSource source, int rows)
    {
        await using var command = source.CreateCommand($"""
            SELECT published_at, created_at, id FROM listings WHERE status IN ('Published', 'Suspended')
            ORDER BY published_at DESC, created_at DESC, id DESC OFFSET {rows - 1} LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"the catalog has fewer than {rows} listings");
        return new CatalogCursor(reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2)).ToString();
    }

    private static HttpClient Client(Uri baseAddress) =>
        new(new CookieJar { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Keeps cookies as a browser behind TLS would: outside Development the app marks every cookie Secure,
    /// which HttpClient's own container will not send back over the loopback's plain HTTP.</summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (!cookies.IsEmpty) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var pair in set.Select(c => c.Split(';')[0].Split('=', 2)))
                    cookies[pair[0]] = pair[1];
            return response;
        }
    }

    /// <summary>Signs in through the login form, as a browser does, and keeps the cookie.</summary>
    private static async Task<HttpClient> SignedInAsync(Uri baseAddress, string email)
    {
        var client = Client(baseAddress);
        var form = await client.GetStringAsync("/Accounts/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Accounts/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{email} could not sign in: {(int)response.StatusCode}");
        return client;
    }

    private static string Password => Environment.GetEnvironmentVariable("Demo__Password") ?? DemoOptions.DefaultPassword;

    private static async Task<Guid> OpenRoomAsync(Uri baseAddress, string email, string listing)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var login = await (await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var room = await (await http.PostAsJsonAsync("/api/inquiries", new { listingId = listing, message = "您好，我们对该专利感兴趣。" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        return room.GetProperty("id").GetGuid();
    }

    private static async Task<bool> HasDataAsync(TestDatabase database, int listings)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM listings WHERE status = 'Published'", connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) >= listings;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    private static int Setting(string name, int fallback) =>
        int.Parse(Environment.GetEnvironmentVariable(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
