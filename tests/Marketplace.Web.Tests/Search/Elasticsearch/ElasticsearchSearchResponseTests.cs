using Marketplace.Web.Features.Search;

namespace Marketplace.Web.Tests.Search.Elasticsearch;

public sealed class ElasticsearchSearchResponseTests
{
    private static readonly string Abstract = string.Concat(Enumerable.Repeat("一种柴油机冷却装置<散热>。", 20));

    /// <summary>The shape Elasticsearch 9 answers the request of <see cref="ElasticsearchSearchRequestTests"/> with.</summary>
    private static readonly string Response = """
    {"took":7,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
     "hits":{"total":{"value":37,"relation":"eq"},"max_score":8.12,"hits":[
      {"_index":"test-listings-v4","_id":"SHIP","_score":8.12,
       "_source":{"listingId":"SHIP","patentId":"9e000000-0000-4000-8000-000000000001","applicationNumber":"CN202310001234.5",
         "titleZh":"一种船舶智能导航装置及方法","titleEn":"Intelligent ship navigation device and method","abstractZh":"本发明公开了一种船舶智能导航装置。","abstractEn":null,
         "ipcCodes":["B63B 49/00"],"ipcSection":["B"],"ipcClass":["B63"],"ipcText":"船舶 ships","ownerOrganizationId":"UNIVERSITY",
         "ownerNameZh":"哈尔滨工业大学（威海）","ownerNameEn":"Harbin Institute of Technology, Weihai","ownerType":"University","inventors":["张伟"],
         "patentType":"Invention","legalStatus":"Valid","modes":["Licence","Transfer"],"sleeping":false,"remainingMonths":200,"price":500000.5,
         "publishedAt":"2026-10-01T09:00:00+08:00"},
       "matched_queries":["title:导航","abstract:导航","abstract:船舶"]},
      {"_index":"test-listings-v4","_id":"ENGINE","_score":2.5,
       "_source":{"listingId":"ENGINE","patentId":"9e000000-0000-4000-8000-000000000003","applicationNumber":"CN202110009999.1",
         "titleZh":"船用柴油机<冷却>装置","abstractZh":"ABSTRACT","ipcCodes":["F01P 3/20"],"ipcSection":["F"],"ipcClass":["F01"],"ipcText":"船舶 ships",
         "ownerOrganizationId":"UNIVERSITY","ownerNameZh":"哈尔滨工业大学（威海）","ownerType":"University","inventors":["赵敏"],
         "patentType":"Invention","legalStatus":"Pending","modes":["Equity"],"sleeping":true,"remainingMonths":230,"price":null,
         "publishedAt":"2026-08-01T09:00:00+08:00"}}]},
     "aggregations":{
      "type":{"doc_count":52,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Invention","doc_count":37},{"key":"UtilityModel","doc_count":15}]}},
      "ipcSection":{"doc_count":40,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"B","doc_count":30},{"key":"G","doc_count":10}]}},
      "ipcClass":{"doc_count":10,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"G01","doc_count":8},{"key":"G06","doc_count":2}]}},
      "mode":{"doc_count":37,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Licence","doc_count":30},{"key":"Transfer","doc_count":12}]}},
      "owner":{"doc_count":37,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"UNIVERSITY","doc_count":37}]}},
      "ownerType":{"doc_count":37,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"University","doc_count":37}]}},
      "legalStatus":{"doc_count":37,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"Valid","doc_count":30},{"key":"Pending","doc_count":7}]}},
      "sleeping":{"doc_count":45,"values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":0,"key_as_string":"false","doc_count":37},{"key":1,"key_as_string":"true","doc_count":8}]}},
      "remainingTerm":{"doc_count":41,"values":{"buckets":[{"key":"0-60","from":0.0,"to":60.0,"doc_count":4},{"key":"60-120","from":60.0,"to":120.0,"doc_count":0},{"key":"120+","from":120.0,"doc_count":37}]}},
      "price":{"doc_count":39,"values":{"buckets":[{"key":"0-100000","from":0.0,"to":100000.0,"doc_count":3},{"key":"100000-1000000","from":100000.0,"to":1000000.0,"doc_count":30},{"key":"1000000+","from":1000000.0,"doc_count":0}]},"negotiable":{"doc_count":6}}}}
    """
        .Replace("SHIP", FakeElasticsearch.ShipListing.ToString()).Replace("ENGINE", FakeElasticsearch.MarineEngineListing.ToString())
        .Replace("UNIVERSITY", FakeElasticsearch.University.ToString()).Replace("ABSTRACT", Abstract);

    private static async Task<SearchResult> Search()
    {
        var es = new FakeElasticsearch().On("POST", "test-listings-v4/_search", 200, Response);
        return await es.Engine().SearchAsync(SearchQuery.All() with { Text = "船舶 导航" }, default);
    }

    [Fact]
    public async Task Hits_come_from_the_source_with_highlights_marked_in_the_app()
    {
        var result = await Search();

        Assert.Equal(37, result.Total);
        Assert.Equal([FakeElasticsearch.ShipListing, FakeElasticsearch.MarineEngineListing], result.Hits.Select(h => h.ListingId));
        // The response's own highlight sections are not used: both engines mark matches the same way.
        var ship = result.Hits[0];
        Assert.Equal("一种<mark>船舶</mark>智能<mark>导航</mark>装置及方法", ship.HighlightedTitle);
        Assert.Equal("本发明公开了一种<mark>船舶</mark>智能<mark>导航</mark>装置。", ship.HighlightedSnippet);
        Assert.Equal(("CN202310001234.5", "Intelligent ship navigation device and method", "Invention"), (ship.ApplicationNumber, ship.TitleEn, ship.PatentType));
        Assert.Equal(["Licence", "Transfer"], ship.Modes);
        Assert.Equal((500000.5m, 200, false), (ship.Price, ship.RemainingMonths, ship.Sleeping));
        // Re-ranked by field: each hit's score grows with its subclass's share of the votes (B63B 8.12 of 10.62).
        Assert.Equal(8.12 * (1 + FieldVote.Strength * 8.12 / 10.62), ship.Score, 6);
        Assert.Equal(["B63B 49/00"], ship.IpcCodes);
        Assert.Equal("Harbin Institute of Technology, Weihai", ship.OwnerNameEn);
    }

    [Fact]
    public async Task Named_key_term_clauses_say_which_terms_a_listing_holds()
    {
        var ship = (await Search()).Hits[0];

        Assert.Equal(["导航", "船舶"], ship.MatchedTerms);
        Assert.Equal(["导航"], ship.TitleTerms);
    }

    private const string TermVectors = """
    {"_index":"test-listings-v4","_version":0,"found":true,"took":2,"term_vectors":{
      "titleZh":{"field_statistics":{"sum_doc_freq":9000,"doc_count":1000,"sum_ttf":9500},
        "terms":{"尾气":{"doc_freq":4,"ttf":4,"term_freq":2},"传感器":{"doc_freq":40,"ttf":41,"term_freq":1},"的":{"doc_freq":900,"ttf":990,"term_freq":3},
                 "船舶":{"doc_freq":0,"ttf":0,"term_freq":1}}},
      "abstractZh":{"field_statistics":{"sum_doc_freq":90000,"doc_count":990,"sum_ttf":95000},
        "terms":{"尾气":{"doc_freq":6,"ttf":8,"term_freq":2},"传感器":{"doc_freq":160,"ttf":300,"term_freq":1},"的":{"doc_freq":980,"ttf":9000,"term_freq":3},
                 "船舶":{"doc_freq":0,"ttf":0,"term_freq":1}}}}}
    """;

    [Fact]
    public async Task Key_terms_come_from_term_vectors_of_the_text_as_an_artificial_document()
    {
        var es = new FakeElasticsearch().On("POST", "test-listings-v4/_termvectors", 200, TermVectors);

        var terms = await es.Engine().KeyTermsAsync("船用尾气传感器的设计", 10, default);

        var sent = es.Single("POST", "test-listings-v4/_termvectors").Json;
        Assert.Equal("船用尾气传感器的设计", (string?)sent["doc"]!["abstractZh"]);
        Assert.True((bool?)sent["term_statistics"]);
        // Rarer first; a function word and a term no listing holds are left out.
        Assert.Equal(["尾气", "传感器"], terms.Select(t => t.Term));
        Assert.True(terms[0].Weight > terms[1].Weight);
    }

    [Fact]
    public async Task Without_a_highlight_the_title_and_the_start_of_the_abstract_are_html_encoded()
    {
        var engine = (await Search()).Hits[1];

        Assert.Equal("船用柴油机&lt;冷却&gt;装置", engine.HighlightedTitle);
        Assert.Equal(System.Net.WebUtility.HtmlEncode(Abstract[..120]) + "…", engine.HighlightedSnippet);
        Assert.Null(engine.Price);
        Assert.Null(engine.TitleEn);
        Assert.True(engine.Sleeping);
    }

    [Fact]
    public async Task Aggregations_become_facets_keyed_by_facet_name()
    {
        var facets = (await Search()).Facets;

        Assert.Equal([new FacetValue("Invention", 37), new FacetValue("UtilityModel", 15)], facets[SearchFacets.Type]);
        Assert.Equal([new FacetValue("B", 30), new FacetValue("G", 10)], facets[SearchFacets.IpcSection]);
        Assert.Equal([new FacetValue("G01", 8), new FacetValue("G06", 2)], facets[SearchFacets.IpcClass]);
        Assert.Equal([new FacetValue("Licence", 30), new FacetValue("Transfer", 12)], facets[SearchFacets.Mode]);
        Assert.Equal([new FacetValue(FakeElasticsearch.University.ToString(), 37)], facets[SearchFacets.Owner]);
        Assert.Equal([new FacetValue("University", 37)], facets[SearchFacets.OwnerType]);
        Assert.Equal([new FacetValue("Valid", 30), new FacetValue("Pending", 7)], facets[SearchFacets.LegalStatus]);
        Assert.Equal([new FacetValue("false", 37), new FacetValue("true", 8)], facets[SearchFacets.Sleeping]);
        Assert.Equal([new FacetValue("0-60", 4), new FacetValue("60-120", 0), new FacetValue("120+", 37)], facets[SearchFacets.RemainingTerm]);
        Assert.Equal([new FacetValue("0-100000", 3), new FacetValue("100000-1000000", 30), new FacetValue("1000000+", 0), new FacetValue(SearchFacets.Negotiable, 6)],
            facets[SearchFacets.Price]);
    }

    [Fact]
    public async Task A_failed_search_raises_with_the_server_reason()
    {
        var es = new FakeElasticsearch().On("POST", "test-listings-v4/_search", 400,
            """{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"[smartcn] analyzer not found"}],"type":"search_phase_execution_exception","reason":"all shards failed"},"status":400}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => es.Engine().SearchAsync(SearchQuery.All(), default));

        Assert.Contains("smartcn", error.Message);
    }

    [Fact]
    public async Task Before_the_index_exists_the_catalogue_is_empty()
    {
        var es = new FakeElasticsearch().On("POST", "test-listings-v4/_search", 404,
            """{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [test-listings-v4]"}],"type":"index_not_found_exception","reason":"no such index [test-listings-v4]"},"status":404}""");

        var result = await es.Engine().SearchAsync(SearchQuery.All(), default);

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
        Assert.Empty(result.Facets[SearchFacets.Type]);
        Assert.Equal([0L, 0L, 0L, 0L], result.Facets[SearchFacets.Price].Select(f => f.Count));
        Assert.Empty(await es.Engine().SuggestAsync("船", 5, default));
    }
}
