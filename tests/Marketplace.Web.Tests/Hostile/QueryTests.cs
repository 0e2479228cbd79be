using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.Web.Tests.Hostile;

/// <summary>
/// SQL fragments, NUL characters and absurd paging in query strings. The answer is a 200 that finds nothing extra,
/// or a 400 naming the parameter; never a 500, and the tables are all still there afterwards.
/// </summary>
public sealed class QueryTests(WebApp app) : AppTest(app)
{
    private HttpClient Caller(HostileWorld w, string who) => who switch
    {
        "anonymous" => App.CreateClient(),
        "office" => w.Market.Office,
        "enterprise" => w.Market.Enterprise,
        "admin" => w.Market.Admin,
        "bank" => w.Pledge.OfficerClient,
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    /// <summary>The rows a list answer holds, wherever the endpoint puts them.</summary>
    private static int Rows(JsonElement json) => json.ValueKind == JsonValueKind.Array ? json.GetArrayLength()
        : json.TryGetProperty("items", out var items) ? items.GetArrayLength()
        : json.TryGetProperty("hits", out var hits) ? hits.GetArrayLength()
        : json.TryGetProperty("entries", out var entries) ? entries.GetArrayLength()
        : json.TryGetProperty("rows", out var rows) ? rows.GetArrayLength()
        : throw new InvalidOperationException($"no rows in {json}");

    [Theory]
    [InlineData("anonymous", "/api/listings?q=' OR '1'='1", null)]
    [InlineData("anonymous", "/api/listings?q=%25'; DROP TABLE listings; --", null)]
    [InlineData("anonymous", "/api/listings?field=B' OR '1'='1", null)]
    [InlineData("anonymous", "/api/listings?mode=Licence' OR '1'='1", null)]
    [InlineData("anonymous", "/api/listings?type=Invention'--", "type")]
    [InlineData("anonymous", "/api/listings?owner=1 OR 1=1", "owner")]
    [InlineData("anonymous", "/api/listings?sleeping=true' OR '1", "sleeping")]
    [InlineData("office", "/api/listings?mine=true&status=Draft' OR 1=1--", "status")]
    [InlineData("anonymous", "/api/search?q=' OR 1=1 --", null)]
    [InlineData("anonymous", "/api/search?ipc=B' OR '1'='1", "ipc")]
    [InlineData("anonymous", "/api/search?sort=title; DROP TABLE listings", "sort")]
    [InlineData("anonymous", "/api/search?minPrice=0 OR 1=1", "minPrice")]
    [InlineData("anonymous", "/api/search?owner=' UNION SELECT id FROM users --", "owner")]
    [InlineData("admin", "/api/audit?action=' OR '1'='1", null)]
    [InlineData("admin", "/api/audit?user=%25' OR '1'='1' --", null)]
    [InlineData("admin", "/api/audit?entity=Listing' OR 'a'='a&entityId=1' OR '1'='1", null)]
    [InlineData("admin", "/api/deals?status=Signed' OR 1=1", "status")]
    [InlineData("admin", "/api/targets/records/deals?owner=x' OR '1'='1&industry=' OR 1=1 --", null)]
    [InlineData("bank", "/api/pledges?state=Submitted' OR 1=1", "state")]
    [InlineData("enterprise", "/api/needs?status=Open' OR '1'='1", "status")]
    [InlineData("anonymous", "/api/organizations?verified=true' OR '1'='1", "verified")]
    [InlineData("office", "/api/patents?page=1 OR 1=1", "page")]
    public async Task Sql_fragments_in_query_parameters_find_nothing_or_are_400(string who, string url, string? field)
    {
        var w = await new HostileWorld(App).BuildAsync();
        var tables = await App.Database.CountAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
        var listings = await App.Database.CountAsync("SELECT count(*) FROM listings");

        var response = await Caller(w, who).GetAsync(url);
        if (field is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, Rows(await response.Content.ReadFromJsonAsync<JsonElement>()));
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await FieldErrorAsync(response, field);
        }
        Assert.Equal(tables, await App.Database.CountAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal(listings, await App.Database.CountAsync("SELECT count(*) FROM listings"));
    }

    [Theory]
    [InlineData("/Listings?q=' OR '1'='1")]
    [InlineData("/Search?q=' OR 1=1 --")]
    public async Task Sql_fragments_in_page_queries_render_a_page_without_results(string url)
    {
        await new HostileWorld(App).BuildAsync(everything: false);
        var response = await App.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("一种船舶智能导航装置", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_sort_on_the_search_page_says_so_and_shows_the_unfiltered_catalog()
    {
        var response = await App.CreateClient().GetAsync("/Search?sort=1;DROP TABLE listings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.Database.CountAsync("SELECT count(*) FROM pg_tables WHERE tablename = 'listings'"));
    }

    [Theory]
    [InlineData("/api/listings?q=%00", "q")]
    [InlineData("/api/search?q=%E5%AF%BC%00%E8%88%AA", "q")]
    [InlineData("/api/search/suggest?q=a%00", "q")]
    [InlineData("/api/listings?field=B%00", "field")]
    [InlineData("/Listings?q=%00", "q")]
    public async Task A_nul_character_in_a_query_parameter_is_400_naming_it(string url, string field)
    {
        var response = await App.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("office", "/api/listings?pageSize=1000000", 100)]
    [InlineData("office", "/api/patents?pageSize=1000000", 100)]
    public async Task A_page_size_of_a_million_is_clamped_to_100(string who, string url, int size)
    {
        var w = await new HostileWorld(App).BuildAsync(everything: false);
        var page = await Caller(w, who).GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(size, page.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("/api/search?pageSize=1000000", "pageSize")]
    [InlineData("/api/search?page=1000000", "page")]
    [InlineData("/api/listings?pageSize=99999999999", "pageSize")]
    [InlineData("/api/search?minRemainingMonths=99999999999", "minRemainingMonths")]
    public async Task A_page_or_page_size_the_endpoint_cannot_serve_is_400_naming_it(string url, string field)
    {
        var response = await App.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("anonymous", "/api/listings?page=2147483647&pageSize=100")]
    [InlineData("office", "/api/patents?page=2147483647&pageSize=100")]
    [InlineData("bank", "/api/pledges?page=2147483647")]
    [InlineData("admin", "/api/audit?page=2147483647")]
    public async Task The_last_possible_page_is_empty_not_an_overflow(string who, string url)
    {
        var w = await new HostileWorld(App).BuildAsync();
        var response = await Caller(w, who).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Rows(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }
}
