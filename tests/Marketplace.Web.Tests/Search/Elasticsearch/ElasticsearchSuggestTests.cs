namespace Marketplace.Web.Tests.Search.Elasticsearch;

public sealed class ElasticsearchSuggestTests
{
    private const string Response = """
    {"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
     "hits":{"total":{"value":4,"relation":"eq"},"max_score":6.1,"hits":[
      {"_index":"test-listings-v4","_id":"1","_score":6.1,"_source":{"titleZh":"一种船舶智能导航装置及方法","titleEn":"Intelligent ship navigation device"},"matched_queries":["zh"]},
      {"_index":"test-listings-v4","_id":"2","_score":5.0,"_source":{"titleZh":"一种船舶智能导航装置及方法"},"matched_queries":["zh"]},
      {"_index":"test-listings-v4","_id":"3","_score":4.2,"_source":{"titleZh":"船舶航行数据记录仪","titleEn":"Ship voyage data recorder"},"matched_queries":["zh","en"]},
      {"_index":"test-listings-v4","_id":"4","_score":3.3,"_source":{"titleZh":"船用柴油机冷却装置"},"matched_queries":["zh"]}]}}
    """;

    [Fact]
    public async Task Suggest_sends_a_bool_prefix_query_per_language_and_returns_distinct_titles()
    {
        var es = new FakeElasticsearch().On("POST", "test-listings-v4/_search", 200, Response);

        var titles = await es.Engine().SuggestAsync("船舶", 2, default);

        Assert.Equal(["一种船舶智能导航装置及方法", "船舶航行数据记录仪"], titles);
        var body = es.Single("POST", "test-listings-v4/_search").Json;
        Assert.Equal(6, (int?)body["size"]);
        var languages = body["query"]!["bool"]!["should"]!.AsArray().Select(q => q!["multi_match"]!).ToList();
        Assert.Equal(["zh", "en"], languages.Select(q => (string?)q["_name"]));
        Assert.All(languages, q => Assert.Equal(("船舶", "bool_prefix", "and"), ((string?)q["query"], (string?)q["type"], (string?)q["operator"])));
        Assert.Equal(["titleZh.suggest", "titleZh.suggest._2gram", "titleZh.suggest._3gram"], languages[0]["fields"]!.AsArray().Select(f => (string?)f));
        Assert.Equal(["titleEn.suggest", "titleEn.suggest._2gram", "titleEn.suggest._3gram"], languages[1]["fields"]!.AsArray().Select(f => (string?)f));
    }

    [Fact]
    public async Task English_typing_gets_the_english_title()
    {
        var es = new FakeElasticsearch().On("POST", "test-listings-v4/_search", 200, Response.Replace("[\"zh\"]", "[\"en\"]"));

        var titles = await es.Engine().SuggestAsync("ship", 10, default);

        // Hits that matched in English but have no English title (only possible in this canned response) are skipped.
        Assert.Equal(["Intelligent ship navigation device", "Ship voyage data recorder"], titles);
    }

    [Fact]
    public async Task An_empty_prefix_asks_nothing()
    {
        var es = new FakeElasticsearch();

        Assert.Empty(await es.Engine().SuggestAsync("  ", 5, default));
        Assert.Empty(es.Requests);
    }
}
