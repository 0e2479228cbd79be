namespace Marketplace.Web.Tests.Search.Elasticsearch;

public sealed class ElasticsearchDocumentsTests
{
    private static readonly Guid Withdrawn = Guid.Parse("6f1d2c3b-0000-4000-8000-0000000000ff");

    private static string BulkResponse(bool errors, string firstItem) => Ids("""
        {"took":12,"errors":ERRORS,"items":[
          FIRST,
          {"index":{"_index":"test-listings-v4","_id":"STAPLER","_version":1,"result":"created","forced_refresh":true,"_shards":{"total":1,"successful":1,"failed":0},"_seq_no":1,"_primary_term":1,"status":201}},
          {"delete":{"_index":"test-listings-v4","_id":"WITHDRAWN","_version":1,"result":"not_found","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":2,"_primary_term":1,"status":404}}]}
        """.Replace("ERRORS", errors ? "true" : "false").Replace("FIRST", firstItem));

    private static string Ids(string json) => json.Replace("SHIP", FakeElasticsearch.ShipListing.ToString())
        .Replace("STAPLER", FakeElasticsearch.StaplerListing.ToString()).Replace("WITHDRAWN", Withdrawn.ToString());

    private static readonly string Created = """{"index":{"_index":"test-listings-v4","_id":"SHIP","_version":1,"result":"created","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1,"status":201}}""";

    private const string Stored = """{"_index":"test-search-state","_id":"listings-v4","_version":2,"result":"updated","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":5,"_primary_term":1}""";

    [Fact]
    public async Task Apply_sends_one_bulk_of_index_and_delete_lines_then_stores_the_checkpoint()
    {
        var es = new FakeElasticsearch()
            .On("POST", "test-listings-v4/_bulk", 200, BulkResponse(errors: false, Created))
            .On("PUT", "test-search-state/_doc/listings-v4", 200, Stored);

        await es.Engine().ApplyAsync([FakeElasticsearch.Ship(), FakeElasticsearch.Stapler()], [Withdrawn], "2026-11-25T10:00:00Z/42", default);

        Assert.Equal(["POST test-listings-v4/_bulk", "PUT test-search-state/_doc/listings-v4"], es.Requests.Select(r => $"{r.Method} {r.Path}"));
        var bulk = es.Requests[0];
        Assert.Equal("refresh=wait_for", bulk.Query);
        Assert.EndsWith("\n", bulk.Body);
        var lines = bulk.Lines;
        Assert.Equal(5, lines.Count);
        Assert.Equal(FakeElasticsearch.ShipListing.ToString(), (string?)lines[0]["index"]!["_id"]);
        Assert.Equal("一种船舶智能导航装置及方法", (string?)lines[1]["titleZh"]);
        Assert.Equal(["B", "G"], lines[1]["ipcSection"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["B63", "G01"], lines[1]["ipcClass"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(500_000m, (decimal?)lines[1]["price"]);
        Assert.Equal(FakeElasticsearch.StaplerListing.ToString(), (string?)lines[2]["index"]!["_id"]);
        Assert.Null(lines[3]["price"]);
        Assert.Equal(Withdrawn.ToString(), (string?)lines[4]["delete"]!["_id"]);

        Assert.Equal("""{"checkpoint":"2026-11-25T10:00:00Z/42"}""", es.Requests[1].Body);
    }

    [Fact]
    public async Task A_bulk_item_error_raises_and_the_checkpoint_is_not_moved()
    {
        var failed = """{"index":{"_index":"test-listings-v4","_id":"SHIP","status":400,"error":{"type":"document_parsing_exception","reason":"[1:57] failed to parse field [remainingMonths] of type [integer]"}}}""";
        var es = new FakeElasticsearch().On("POST", "test-listings-v4/_bulk", 200, BulkResponse(errors: true, failed));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            es.Engine().ApplyAsync([FakeElasticsearch.Ship(), FakeElasticsearch.Stapler()], [Withdrawn], "43", default));

        Assert.Contains("document_parsing_exception", error.Message);
        Assert.Contains(FakeElasticsearch.ShipListing.ToString(), error.Message);
        Assert.DoesNotContain(es.Requests, r => r.Path.StartsWith("test-search-state"));
    }

    [Fact]
    public async Task Apply_with_nothing_to_change_only_stores_the_checkpoint()
    {
        var es = new FakeElasticsearch().On("PUT", "test-search-state/_doc/listings-v4", 200, Stored);

        await es.Engine().ApplyAsync([], [], "44", default);

        Assert.Equal("PUT test-search-state/_doc/listings-v4", Assert.Single(es.Requests.Select(r => $"{r.Method} {r.Path}")));
    }

    [Theory]
    [InlineData(200, """{"_index":"test-search-state","_id":"listings-v4","_version":3,"_seq_no":2,"_primary_term":1,"found":true,"_source":{"checkpoint":"42"}}""", "42")]
    [InlineData(404, """{"_index":"test-search-state","_id":"listings-v4","found":false}""", null)]
    [InlineData(404, """{"error":{"root_cause":[],"type":"index_not_found_exception","reason":"no such index [test-search-state]"},"status":404}""", null)]
    public async Task Checkpoint_reads_the_state_document(int status, string response, string? expected)
    {
        var es = new FakeElasticsearch().On("GET", "test-search-state/_doc/listings-v4", status, response);

        Assert.Equal(expected, await es.Engine().CheckpointAsync(default));
    }

    [Fact]
    public async Task Clear_deletes_every_document_and_the_checkpoint()
    {
        var es = new FakeElasticsearch()
            .On("POST", "test-listings-v4/_delete_by_query", 200, """{"took":30,"timed_out":false,"total":3,"deleted":3,"batches":1,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}""")
            .On("DELETE", "test-search-state/_doc/listings-v4", 200, Stored.Replace("updated", "deleted"));

        await es.Engine().ClearAsync(default);

        var delete = es.Single("POST", "test-listings-v4/_delete_by_query");
        Assert.Contains("refresh=true", delete.Query);
        Assert.Contains("conflicts=proceed", delete.Query);
        Assert.Equal("""{"query":{"match_all":{}}}""", delete.Body);
        es.Single("DELETE", "test-search-state/_doc/listings-v4");
    }
}
