using System.Text.Json.Nodes;
using Marketplace.Web.Features.Search;

namespace Marketplace.Web.Tests.Search.Elasticsearch;

public sealed class ElasticsearchSearchRequestTests
{
    private const string Empty = """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""";

    private static async Task<JsonNode> SentBody(SearchQuery query)
    {
        var es = new FakeElasticsearch().On("POST", "test-listings-v3/_search", 200, Empty);
        await es.Engine().SearchAsync(query, default);
        return es.Single("POST", "test-listings-v3/_search").Json;
    }

    private static string[] Clauses(JsonNode? filter) =>
        filter?["bool"]?["filter"]?.AsArray().Select(c => c!.ToJsonString()).ToArray() ?? [];

    private static readonly SearchQuery Filtered = SearchQuery.All(page: 2, pageSize: 10) with
    {
        Text = " 船舶 导航 ",
        Types = ["Invention"],
        Ipc = ["G", "B63"],
        Modes = ["Licence", "Transfer"],
        Owners = [FakeElasticsearch.University],
        Sleeping = false,
        MinRemainingMonths = 60,
        MaxPrice = 1_000_000m,
    };

    [Fact]
    public async Task Text_goes_into_a_multi_match_and_paging_into_from_and_size()
    {
        var body = await SentBody(Filtered);

        Assert.Equal(10, (int?)body["from"]);
        Assert.Equal(10, (int?)body["size"]);
        Assert.True((bool?)body["track_total_hits"]);
        var match = body["query"]!["bool"]!["must"]![0]!["multi_match"]!;
        Assert.Equal("船舶 导航", (string?)match["query"]);
        Assert.Equal("best_fields", (string?)match["type"]);
        Assert.Equal("or", (string?)match["operator"]);
        Assert.Equal("70%", (string?)match["minimum_should_match"]);
        Assert.Equal(["titleZh^3", "titleEn^3", "abstractZh", "abstractEn", "ipcText^1.5", "ownerNameZh", "ownerNameEn", "inventors.text"],
            match["fields"]!.AsArray().Select(f => (string?)f));
    }

    [Fact]
    public async Task Every_filter_is_a_post_filter_clause()
    {
        var body = await SentBody(Filtered);

        Assert.Equal(
        [
            """{"terms":{"patentType":["Invention"]}}""",
            """{"terms":{"modes":["Licence","Transfer"]}}""",
            $$$"""{"terms":{"ownerOrganizationId":["{{{FakeElasticsearch.University}}}"]}}""",
            """{"bool":{"should":[{"term":{"ipcSection":"G"}},{"term":{"ipcClass":"B63"}}],"minimum_should_match":1}}""",
            """{"term":{"sleeping":false}}""",
            """{"range":{"remainingMonths":{"gte":60}}}""",
            """{"range":{"price":{"lte":1000000}}}""",
        ], Clauses(body["post_filter"]));
    }

    [Fact]
    public async Task Each_facet_counts_over_every_filter_but_its_own()
    {
        var aggs = (await SentBody(Filtered))["aggs"]!;

        var type = Clauses(aggs["type"]!["filter"]);
        Assert.DoesNotContain(type, c => c.Contains("patentType"));
        Assert.Contains(type, c => c.Contains("modes"));
        Assert.Contains(type, c => c.Contains("ipcSection"));
        Assert.Equal("""{"terms":{"field":"patentType","size":20}}""", aggs["type"]!["aggs"]!["values"]!.ToJsonString());

        Assert.DoesNotContain(Clauses(aggs["ipcSection"]!["filter"]), c => c.Contains("ipc"));
        // The class list drills down into the chosen section G but ignores the chosen class B63.
        var ipcClass = Clauses(aggs["ipcClass"]!["filter"]);
        Assert.Contains("""{"bool":{"should":[{"term":{"ipcSection":"G"}}],"minimum_should_match":1}}""", ipcClass);
        Assert.DoesNotContain(ipcClass, c => c.Contains("B63"));

        Assert.DoesNotContain(Clauses(aggs["mode"]!["filter"]), c => c.Contains("modes"));
        Assert.DoesNotContain(Clauses(aggs["owner"]!["filter"]), c => c.Contains("ownerOrganizationId"));
        Assert.DoesNotContain(Clauses(aggs["sleeping"]!["filter"]), c => c.Contains("sleeping"));
        Assert.Equal("""{"terms":{"field":"sleeping","size":2}}""", aggs["sleeping"]!["aggs"]!["values"]!.ToJsonString());
        Assert.Equal(7, Clauses(aggs["ownerType"]!["filter"]).Length);

        Assert.DoesNotContain(Clauses(aggs["remainingTerm"]!["filter"]), c => c.Contains("remainingMonths"));
        var remaining = aggs["remainingTerm"]!["aggs"]!["values"]!["range"]!;
        Assert.Equal("remainingMonths", (string?)remaining["field"]);
        Assert.Equal([("0-60", 0, 60), ("60-120", 60, 120), ("120+", 120, (int?)null)],
            remaining["ranges"]!.AsArray().Select(r => ((string?)r!["key"], (int?)r["from"], (int?)r["to"])));
        var price = aggs["price"]!;
        Assert.DoesNotContain(Clauses(price["filter"]), c => c.Contains("price"));
        Assert.Equal(["0-100000", "100000-1000000", "1000000+"], price["aggs"]!["values"]!["range"]!["ranges"]!.AsArray().Select(r => (string?)r!["key"]));
        Assert.Null(price["aggs"]!["values"]!["range"]!["ranges"]![2]!["to"]);
        Assert.Equal("""{"missing":{"field":"price"}}""", price["aggs"]!["negotiable"]!.ToJsonString());
    }

    [Fact]
    public async Task Matches_are_highlighted_as_encoded_html()
    {
        var highlight = (await SentBody(Filtered))["highlight"]!;

        Assert.Equal("html", (string?)highlight["encoder"]);
        Assert.Equal("<mark>", (string?)highlight["pre_tags"]![0]);
        Assert.Equal("</mark>", (string?)highlight["post_tags"]![0]);
        Assert.Equal(0, (int?)highlight["fields"]!["titleZh"]!["number_of_fragments"]);
        Assert.Equal(0, (int?)highlight["fields"]!["titleEn"]!["number_of_fragments"]);
        Assert.Equal("""{"fragment_size":120,"number_of_fragments":1}""", highlight["fields"]!["abstractZh"]!.ToJsonString());
        Assert.Equal("""{"fragment_size":120,"number_of_fragments":1}""", highlight["fields"]!["abstractEn"]!.ToJsonString());
    }

    [Fact]
    public async Task Without_text_or_filters_everything_matches_and_facets_count_everything()
    {
        var body = await SentBody(SearchQuery.All());

        Assert.Equal("""{"bool":{"must":[{"match_all":{}}]}}""", body["query"]!.ToJsonString());
        Assert.Null(body["post_filter"]);
        Assert.Null(body["highlight"]);
        Assert.Equal(0, (int?)body["from"]);
        Assert.Equal("""{"match_all":{}}""", body["aggs"]!["type"]!["filter"]!.ToJsonString());
    }

    [Theory]
    [InlineData(SearchSort.Relevance, """[{"_score":{"order":"desc"}},{"publishedAt":{"order":"desc"}},{"listingId":{"order":"asc"}}]""")]
    [InlineData(SearchSort.Newest, """[{"publishedAt":{"order":"desc"}},{"listingId":{"order":"asc"}}]""")]
    [InlineData(SearchSort.RemainingTerm, """[{"remainingMonths":{"order":"desc"}},{"listingId":{"order":"asc"}}]""")]
    [InlineData(SearchSort.PriceLow, """[{"price":{"order":"asc","missing":"_last"}},{"listingId":{"order":"asc"}}]""")]
    [InlineData(SearchSort.PriceHigh, """[{"price":{"order":"desc","missing":"_last"}},{"listingId":{"order":"asc"}}]""")]
    public async Task Sorts(SearchSort sort, string expected)
    {
        Assert.Equal(expected, (await SentBody(SearchQuery.All() with { Sort = sort }))["sort"]!.ToJsonString());
    }

    [Theory]
    [InlineData("B", """{"term":{"ipcSection":"B"}}""")]
    [InlineData("b63", """{"term":{"ipcClass":"B63"}}""")]
    [InlineData("B63B", """{"prefix":{"ipcCodes":"B63B"}}""")]
    public async Task Ipc_filters_pick_section_class_or_code_prefix(string ipc, string expected)
    {
        var body = await SentBody(SearchQuery.All() with { Ipc = [ipc] });

        Assert.Equal($$$"""{"bool":{"should":[{{{expected}}}],"minimum_should_match":1}}""", Assert.Single(Clauses(body["post_filter"])));
    }
}
