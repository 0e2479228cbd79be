using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Marketplace.Web.Features.Search;
using Marketplace.Web.Features.Search.Elasticsearch;

namespace Marketplace.Web.Tests.Search.Elasticsearch;

/// <summary>
/// Stands in for the cluster at the client's HTTP boundary: records every request (method, path, query, body) and
/// answers with a canned response per method and path. The engine and the real client run unchanged. Requests
/// nobody expected get a 500, so the engine under test fails loudly instead of seeing an empty success.
/// </summary>
internal sealed class FakeElasticsearch : IRequestInvoker
{
    public sealed record RecordedRequest(string Method, string Path, string Query, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        /// <summary>The lines of an NDJSON (bulk) body.</summary>
        public List<JsonNode> Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
    }

    // Without X-Elastic-Product the client rejects every response as not coming from Elasticsearch.
    private readonly InMemoryRequestInvoker _builder = new(null, 200, null, "application/json",
        new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["X-Elastic-Product"] = ["Elasticsearch"] });
    private readonly Dictionary<(string, string), (int Status, string Body)> _responses = [];

    public List<RecordedRequest> Requests { get; } = [];

    public FakeElasticsearch On(string method, string path, int status, string body)
    {
        _responses[(method, path)] = (status, body);
        return this;
    }

    public RecordedRequest Single(string method, string path) => Assert.Single(Requests, r => r.Method == method && r.Path == path);

    public ElasticsearchEngine Engine(string prefix = "test") =>
        new(new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://localhost:9200")), this)),
            new ElasticsearchSearchOptions { IndexPrefix = prefix });

    public ResponseFactory ResponseFactory => _builder.ResponseFactory;

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration configuration, PostData? postData)
        where TResponse : TransportResponse, new() => throw new NotSupportedException("The engine only uses async calls.");

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration configuration, PostData? postData, CancellationToken ct)
        where TResponse : TransportResponse, new()
    {
        var body = "";
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            await postData.WriteAsync(stream, configuration.ConnectionSettings, false, ct);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }
        var parts = endpoint.PathAndQuery.TrimStart('/').Split('?', 2);
        var method = endpoint.Method.ToString();
        Requests.Add(new RecordedRequest(method, parts[0], parts.Length > 1 ? parts[1] : "", body));
        var (status, response) = _responses.TryGetValue((method, parts[0]), out var canned)
            ? canned
            : (500, $$"""{"error":{"type":"fake_exception","reason":"no canned response for {{method}} {{parts[0]}}"},"status":500}""");
        return await _builder.BuildResponseAsync<TResponse>(endpoint, configuration, postData, ct, Encoding.UTF8.GetBytes(response), status);
    }

    public void Dispose() { }

    public static readonly Guid ShipListing = Guid.Parse("6f1d2c3b-0000-4000-8000-000000000001"),
        StaplerListing = Guid.Parse("6f1d2c3b-0000-4000-8000-000000000002"),
        MarineEngineListing = Guid.Parse("6f1d2c3b-0000-4000-8000-000000000003"),
        University = Guid.Parse("0a0b0c0d-0000-4000-8000-0000000000aa");

    public static SearchDocument Ship() => new(ShipListing, Guid.Parse("9e000000-0000-4000-8000-000000000001"), "CN202310001234.5",
        "一种船舶智能导航装置及方法", "Intelligent ship navigation device and method",
        "本发明公开了一种船舶智能导航装置，利用多传感器融合实现船舶在复杂海况下的自主导航与避碰。", "A ship navigation device fusing several sensors.",
        ["B63B 49/00", "G01C 21/20"], "船舶 ships 导航 navigation", University, "哈尔滨工业大学（威海）", "Harbin Institute of Technology, Weihai",
        "University", ["张伟", "李娜"], "Invention", "Valid", ["Licence", "Transfer"], false, 200, 500_000m,
        new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    public static SearchDocument Stapler() => new(StaplerListing, Guid.Parse("9e000000-0000-4000-8000-000000000002"), "CN202220005678.9",
        "一种省力订书机", "Labour-saving stapler", "一种省力订书机，通过杠杆结构降低按压力。", null,
        ["B25C 5/02"], "订书机 staplers", Guid.Parse("0a0b0c0d-0000-4000-8000-0000000000bb"), "威海文具有限公司", null,
        "Enterprise", ["王强"], "UtilityModel", "Valid", ["OpenLicence"], true, 80, null,
        new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    public static SearchDocument MarineEngine() => new(MarineEngineListing, Guid.Parse("9e000000-0000-4000-8000-000000000003"), "CN202110009999.1",
        "一种船用柴油机冷却装置", null, "一种船用柴油机冷却装置，提高散热效率。", null,
        ["F01P 3/20"], "船舶 ships 发动机 engines", University, "哈尔滨工业大学（威海）", null,
        "University", ["赵敏"], "Invention", "Pending", ["Equity"], false, 230, 2_000_000m,
        new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.FromHours(8)));
}
