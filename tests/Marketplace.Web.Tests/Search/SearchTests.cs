using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Web.Tests.Search;

public sealed class SearchTests(WebApp app) : AppTest(app)
{
    private async Task<List<Guid>> SeedAndIndexAsync()
    {
        var office = await App.CreateUserAsync(OrganizationType.University);
        var ids = await SearchSeed.SeedAsync(App, office.OrganizationId, SearchSeed.RealLooking);
        await App.Services.GetRequiredService<SearchIndexer>().RunOnceAsync(CancellationToken.None);
        return ids;
    }

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await App.CreateClient().GetAsync("/api/search?" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string FirstTitle(JsonElement result) => result.GetProperty("hits")[0].GetProperty("titleZh").GetString()!;

    [Theory]
    [InlineData("船舶 导航", "一种用于船舶的智能导航装置及方法")]
    [InlineData("surgical stapler", "一种带关节钳口的微创手术吻合器")]
    [InlineData("ship navigation 导航", "一种用于船舶的智能导航装置及方法")]
    [InlineData("吻合器", "一种带关节钳口的微创手术吻合器")]
    [InlineData("batteries", "一种锂电池管理系统")]
    public async Task The_expected_patent_ranks_first(string q, string expected)
    {
        await SeedAndIndexAsync();
        var result = await SearchAsync("q=" + Uri.EscapeDataString(q));
        Assert.Equal(expected, FirstTitle(result));
    }

    [Fact]
    public async Task Matches_are_highlighted_and_encoded()
    {
        await SeedAndIndexAsync();
        var hit = (await SearchAsync("q=" + Uri.EscapeDataString("导航")))
            .GetProperty("hits").EnumerateArray().First(h => h.GetProperty("titleZh").GetString() == "一种用于船舶的智能导航装置及方法");
        Assert.Contains("<mark>导航</mark>", hit.GetProperty("highlightedTitle").GetString());
    }

    [Fact]
    public async Task Facets_count_every_hit_and_filters_narrow()
    {
        await SeedAndIndexAsync();
        var all = await SearchAsync("");
        var total = all.GetProperty("total").GetInt64();
        Assert.Equal(SearchSeed.RealLooking.Length, total);
        long Sum(JsonElement r, string facet) => r.GetProperty("facets").GetProperty(facet).EnumerateArray().Sum(v => v.GetProperty("count").GetInt64());
        Assert.Equal(total, Sum(all, SearchFacets.Type));
        Assert.Equal(total, Sum(all, SearchFacets.Sleeping));
        Assert.Equal(total, Sum(all, SearchFacets.Price));
        Assert.Equal(total, Sum(all, SearchFacets.RemainingTerm));

        var utility = await SearchAsync("type=UtilityModel");
        Assert.Equal(1, utility.GetProperty("total").GetInt64());
        // The type facet ignores its own selection, so the other type can still be chosen; others narrow.
        Assert.Equal(total, Sum(utility, SearchFacets.Type));
        Assert.Equal(1, Sum(utility, SearchFacets.Sleeping));
        var marine = await SearchAsync("ipc=B&ipc=C02");
        Assert.Equal(2, marine.GetProperty("total").GetInt64());
        var cheap = await SearchAsync("maxPrice=60000");
        Assert.Equal(1, cheap.GetProperty("total").GetInt64());
        var byPrice = await SearchAsync("sort=PriceHigh");
        Assert.Equal("一种锂电池管理系统", FirstTitle(byPrice));
    }

    [Fact]
    public async Task A_new_listing_becomes_searchable_and_a_withdrawn_one_disappears()
    {
        var office = await App.CreateUserAsync(OrganizationType.University);
        var client = await App.ClientForAsync(office);
        var patent = PatentSamples.Patent(42);
        patent["titleZh"] = "一种深海养殖网箱的自动投喂装置";
        var patentId = (await (await client.PostAsJsonAsync("/api/patents", patent)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var listing = await (await client.PostAsJsonAsync("/api/listings", new { patentId, terms = PatentSamples.Licence() })).Content.ReadFromJsonAsync<JsonElement>();
        var id = listing.GetProperty("id").GetGuid();
        await client.PostAsync($"/api/listings/{id}/submit", null);
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        await admin.PostAsync($"/api/listings/{id}/approve", null);

        await Eventually(async () => (await SearchAsync("q=" + Uri.EscapeDataString("养殖 投喂"))).GetProperty("total").GetInt64() == 1);
        await client.PostAsync($"/api/listings/{id}/withdraw", null);
        await Eventually(async () => (await SearchAsync("q=" + Uri.EscapeDataString("养殖 投喂"))).GetProperty("total").GetInt64() == 0);
    }

    [Fact]
    public async Task Reindex_restores_a_cleared_index()
    {
        await SeedAndIndexAsync();
        var engine = App.Services.GetRequiredService<ISearchEngine>();
        await engine.ClearAsync(CancellationToken.None);
        // Asked of the engine at once: the background indexer heals a cleared index on its next pass by itself.
        Assert.Equal(0, (await engine.SearchAsync(SearchQuery.All(), CancellationToken.None)).Total);
        var admin = await App.ClientForAsync(await App.CreateUserAsync(OrganizationType.ParkOffice));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/search/reindex", null)).StatusCode);
        Assert.Equal(SearchSeed.RealLooking.Length, (await SearchAsync("")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Concurrent_indexer_passes_do_not_double_index()
    {
        await SeedAndIndexAsync();
        var indexer = App.Services.GetRequiredService<SearchIndexer>();
        indexer.RequestRebuild();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => indexer.RunOnceAsync(CancellationToken.None)));
        Assert.Equal(SearchSeed.RealLooking.Length, (await SearchAsync("pageSize=100")).GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task A_shared_index_is_fed_by_one_instance_at_a_time()
    {
        await using var other = new NpgsqlConnection(App.Database.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(1397900104)", other)) await take.ExecuteNonQueryAsync();
        var shared = new SearchIndexer(App.Services.GetRequiredService<IServiceScopeFactory>(), App.Services.GetRequiredService<ISearchEngine>(),
            Options.Create(new SearchOptions { Engine = "Elasticsearch" }), TimeProvider.System, NullLogger<SearchIndexer>.Instance,
            App.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>());
        Assert.False(await shared.RunOnceAsync(CancellationToken.None));
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(1397900104)", other)) await release.ExecuteNonQueryAsync();
        Assert.True(await shared.RunOnceAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("a & | !( \"*")]
    [InlineData("'; DROP TABLE listings; --")]
    [InlineData("船舶\u0001\u0007导航")]
    [InlineData("*")]
    [InlineData("\"")]
    public async Task Hostile_text_is_just_text(string q)
    {
        await SeedAndIndexAsync();
        var response = await App.CreateClient().GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SearchSeed.RealLooking.Length, await App.Database.CountAsync("SELECT count(*) FROM listings"));
    }

    [Theory]
    [InlineData("q=LONG", "q")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=200&pageSize=100", "page")]
    [InlineData("type=Pirate", "type")]
    [InlineData("ipc=Z9", "ipc")]
    [InlineData("ipc=B6", "ipc")]
    [InlineData("sort=Random", "sort")]
    [InlineData("minPrice=10&maxPrice=5", "minPrice")]
    public async Task Bad_parameters_are_400_naming_them(string query, string field)
    {
        var response = await App.CreateClient().GetAsync("/api/search?" + query.Replace("LONG", new string('船', SearchRequest.MaxTextLength + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await FieldErrorAsync(response, field);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_naming_q()
    {
        var error = Assert.Throws<Domain.Common.DomainRuleException>(() => new SearchRequest { Q = "船\uD800舶" }.ToQuery());
        Assert.Equal("q", error.Field);
    }

    [Fact]
    public async Task Suggestions_complete_titles()
    {
        await SeedAndIndexAsync();
        var titles = await App.CreateClient().GetFromJsonAsync<string[]>("/api/search/suggest?q=" + Uri.EscapeDataString("一种水下"));
        Assert.Equal("一种水下机器人推进器", titles![0]);
    }

    [Fact]
    public async Task The_search_page_keeps_the_query_in_the_url_and_highlights_matches()
    {
        await SeedAndIndexAsync();
        var html = await App.CreateClient().GetStringAsync("/Search?Q=" + Uri.EscapeDataString("船舶 导航") + "&Type=Invention");
        Assert.Contains("<mark>导航</mark>", html);
        Assert.Contains("value=\"船舶 导航\"", html);
        Assert.Contains("data-facet=\"type\"", html);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the index did not follow the change within 10 seconds");
            await Task.Delay(100);
        }
    }
}
