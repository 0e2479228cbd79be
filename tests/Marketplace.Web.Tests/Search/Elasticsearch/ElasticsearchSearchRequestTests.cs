using System.Text.Json.Nodes;
using Marketplace.Web.Features.Search;

namespace Marketplace.Web.Tests.Search.Elasticsearch;

public sealed class ElasticsearchSearchRequestTests
{
    private const string Empty = """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""";

    /// <summary>The main request's body (a typed query by relevance is preceded by its first pass, <see cref="SentBodies"/>).</summary>
    private static async Task<JsonNode> SentBody(SearchQuery query) => (await SentBodies(query))[^1];

    private static async Task<List<JsonNode>> SentBodies(SearchQuery query, string response = Empty)
    {
        var es = new FakeElasticsearch().On("POST", "test-listings-v4/_search", 200, response);
        await es.Engine().SearchAsync(query, default);
        return [.. es.Requests.Where(r => r.Method == "POST" && r.Path == "test-listings-v4/_search").Select(r => r.Json)];
    }

    /// <summary>A first pass's answer: two full matches in B63B, one in F01P (under a quarter of the score: not a field of the query).</summary>
    private const string Voters = """
        {"took":1,"timed_out":false,"hits":{"max_score":6.0,"hits":[
         {"_id":"a","_score":6.0,"_source":{"ipcCodes":["B63B 49/00","G01C 21/00"]}},
         {"_id":"b","_score":4.0,"_source":{"ipcCodes":["B63B 35/00"]}},
         {"_id":"c","_score":2.0,"_source":{"ipcCodes":["F01P 3/20"]}},
         {"_id":"d","_score":1.0,"_source":{"ipcCodes":[]}}]}}
        """;

    private static string[] Clauses(JsonNode? filter) =>
        filter?["bool"]?["filter"]?.AsArray().Select(c => c!.ToJsonString()).ToArray() ?? [];

    /// <summary>As sent on the wire: Chinese unescaped.</summary>
    private static string Json(JsonNode? node) =>
        node!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

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
    public async Task Typed_text_becomes_units_of_which_all_must_match_and_the_vote_window_is_fetched()
    {
        var body = await SentBody(Filtered);

        // Page 2 of 10 lies inside the field vote's window: the first hits come back together, the engine cuts the page.
        Assert.Equal((0, FieldVote.Window), ((int?)body["from"], (int?)body["size"]));
        Assert.True((bool?)body["track_total_hits"]);
        var required = body["query"]!["bool"]!["must"]![0]!["bool"]!["must"]![0]!["bool"]!;
        Assert.Equal(2, (int?)required["minimum_should_match"]);
        var units = required["should"]!.AsArray();
        Assert.Equal(2, units.Count);
        var ship = units[0]!["bool"]!["should"]!.AsArray();
        Assert.Equal("""{"dis_max":{"queries":[{"match":{"titleZh":{"query":"船舶","operator":"and","boost":3}}},{"match":{"titleZh.grams":{"query":"船舶","operator":"and","boost":2.5}}}],"tie_breaker":0.1}}""",
            Json(ship[0]));
        Assert.Contains(ship, c => Json(c).Contains("\"abstractZh.grams\"") && Json(c).Contains("\"boost\":1.2"));
        Assert.Contains(ship, c => Json(c) == """{"match":{"ipcText":{"query":"船舶","operator":"and","boost":1}}}""");
        Assert.Null(body["highlight"]);
    }

    [Fact]
    public async Task A_typed_query_first_asks_its_best_full_matches_for_their_field_then_any_unit_matches_there()
    {
        var bodies = await SentBodies(SearchQuery.All() with { Text = "船舶 导航", Ipc = ["B"] }, Voters);

        Assert.Equal(2, bodies.Count);
        var first = bodies[0];
        Assert.Equal((0, FieldVote.Voters, false), ((int?)first["from"], (int?)first["size"], (bool?)first["track_total_hits"]));
        Assert.Null(first["aggs"]);
        Assert.Equal("""["ipcCodes"]""", first["_source"]!.ToJsonString());
        Assert.NotNull(first["post_filter"]);
        var firstFull = first["query"]!["bool"]!["must"]![0]!["bool"]!["must"]![0]!["bool"]!;
        Assert.Equal((2, FieldVote.FullMatchBoost), ((int?)firstFull["minimum_should_match"], (float?)firstFull["boost"]));

        // B63B holds 10 of the 13 points, F01P 2 (under a quarter): full matches (boosted), or any unit within B63B.
        var either = bodies[1]["query"]!["bool"]!["must"]![0]!["bool"]!["must"]![0]!["bool"]!;
        Assert.Equal(1, (int?)either["minimum_should_match"]);
        var (full, near) = (either["should"]![0]!["bool"]!, either["should"]![1]!["bool"]!);
        Assert.Equal((2, FieldVote.FullMatchBoost), ((int?)full["minimum_should_match"], (float?)full["boost"]));
        var any = near["must"]![0]!["bool"]!;
        Assert.Equal(1, (int?)any["minimum_should_match"]);
        Assert.Equal(Json(full["should"]), Json(any["should"]));
        Assert.Equal("""{"bool":{"should":[{"prefix":{"ipcCodes":"B63B"}}]}}""", Json(near["filter"]![0]));
        // A full match is not counted again as a near one (the Lucene engine's second pass excludes it the same way).
        var notFull = near["must_not"]![0]!["bool"]!;
        Assert.Equal((2, Json(full["should"])), ((int?)notFull["minimum_should_match"], Json(notFull["should"])));
    }

    [Fact]
    public async Task A_query_of_one_unit_or_sorted_by_date_is_sent_once()
    {
        Assert.Single(await SentBodies(SearchQuery.All() with { Text = "传感器" }, Voters));
        Assert.Single(await SentBodies(SearchQuery.All() with { Text = "船舶 导航", Sort = SearchSort.Newest }, Voters));
    }

    [Fact]
    public async Task A_long_query_needs_most_units_and_boosts_runs_typed_together()
    {
        var body = await SentBody(SearchQuery.All() with { Text = "一种用于海水淡化的反渗透膜组件" });

        var root = body["query"]!["bool"]!["must"]![0]!["bool"]!;
        var required = root["must"]![0]!["bool"]!;
        var units = required["should"]!.AsArray();
        Assert.Equal(Marketplace.Web.Features.Search.Planning.QueryPlanner.MinimumMatch(units.Count), (int?)required["minimum_should_match"]);
        Assert.True((int?)required["minimum_should_match"] < units.Count);
        Assert.Contains(root["should"]!.AsArray(), c => Json(c) == """{"match_phrase":{"titleZh.grams":{"query":"海水淡化","boost":4}}}""");
    }

    [Fact]
    public async Task English_words_are_looked_for_through_their_chinese_terms_too()
    {
        var body = Json(await SentBody(SearchQuery.All() with { Text = "marine sensor" }));

        Assert.Contains("""{"match":{"titleZh":{"query":"传感器","operator":"and","boost":3}}}""", body);
        Assert.Contains("""{"match":{"titleEn":{"query":"sensor","operator":"and","boost":3}}}""", body);
        Assert.Contains("""{"match":{"titleZh.grams":{"query":"船舶","operator":"and","boost":2.5}}}""", body);
    }

    [Fact]
    public async Task Relaxed_queries_need_one_unit_then_any_bigram()
    {
        var anyWord = await SentBody(SearchQuery.All() with { Text = "船舶 导航", Match = TextMatch.AnyWord });
        Assert.Equal(1, (int?)anyWord["query"]!["bool"]!["must"]![0]!["bool"]!["must"]![0]!["bool"]!["minimum_should_match"]);
        var characters = await SentBody(SearchQuery.All() with { Text = "超声骨刀", Match = TextMatch.Characters });
        Assert.Equal("""{"bool":{"should":[{"match":{"titleZh.grams":{"query":"超声骨刀","boost":2.5}}},{"match":{"abstractZh.grams":{"query":"超声骨刀","boost":1.2}}}]}}""",
            Json(characters["query"]!["bool"]!["must"]![0]));
    }

    [Fact]
    public async Task A_number_is_a_filter_in_the_query_and_no_text()
    {
        var body = await SentBody(SearchQuery.All() with { Text = "CN202310001234.5", NumberKeys = ["202310001234"] });

        Assert.Equal("""{"bool":{"must":[{"match_all":{}}],"filter":[{"terms":{"numberKeys":["202310001234"]}}]}}""", body["query"]!.ToJsonString());
        Assert.Equal((0, 20), ((int?)body["from"], (int?)body["size"]));
    }

    [Fact]
    public async Task Matchmaking_names_each_key_term_clause_and_adds_the_texts_bigrams_and_the_needs_fields()
    {
        var body = await SentBody(SearchQuery.All(1, 100) with
        {
            Text = "船用尾气传感器", Match = TextMatch.Similar, KeyTerms = [new KeyTerm("尾气", 2.5), new KeyTerm("传感器", 1.5)], BoostIpc = ["G01N 33/00"],
        });

        var clauses = body["query"]!["bool"]!["must"]![0]!["bool"]!["should"]!.AsArray().Select(Json).ToList();
        Assert.Equal("""{"term":{"titleZh":{"value":"尾气","boost":7.5,"_name":"title:尾气"}}}""", clauses[0]);
        Assert.Equal("""{"term":{"abstractZh":{"value":"尾气","boost":3.75,"_name":"abstract:尾气"}}}""", clauses[1]);
        Assert.Contains(clauses, c => c.Contains("\"titleZh.grams\":{\"query\":\"船用尾气传感器\""));
        Assert.Contains("""{"prefix":{"ipcCodes":{"value":"G01N","boost":2}}}""", clauses);
        Assert.Contains("""{"term":{"ipcClass":{"value":"G01","boost":1}}}""", clauses);
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
