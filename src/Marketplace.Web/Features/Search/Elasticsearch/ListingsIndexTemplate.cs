using System.Text.Json.Nodes;

namespace Marketplace.Web.Features.Search.Elasticsearch;

/// <summary>
/// Names of everything the engine keeps in the cluster. The index carries the schema version in its name, so a new
/// schema gets a fresh index next to the old one (an instance still on the old version keeps working during a
/// rolling deploy); the alias points at the newest one for people and dashboards. The feed position is a document
/// per schema version (<c>listings-v1</c>) in the state index: with one shared document, old and new instances
/// would each find the other's position during a rolling deploy and take turns rebuilding from scratch.
/// </summary>
internal sealed record IndexNames(string Index, string Alias, string Template, string VersionPattern, string State, string StateId)
{
    public static IndexNames For(string prefix)
    {
        // Index names must be lower case in Elasticsearch.
        var p = prefix.Trim().ToLowerInvariant();
        var version = ISearchEngine.SchemaVersion;
        return new($"{p}-listings-v{version}", $"{p}-listings", $"{p}-listings-template", $"{p}-listings-v*", $"{p}-search-state", $"listings-v{version}");
    }
}

/// <summary>
/// The composable index template for listing indices. Chinese text uses <c>smartcn</c> (the analysis-smartcn plugin,
/// the same HMM segmenter the Lucene engine uses, so both engines rank alike); English text uses the built-in
/// <c>english</c> analyzer (stemming). Filters and facets read keyword, boolean and numeric doc values.
/// </summary>
internal static class ListingsIndexTemplate
{
    /// <summary>Sent as JSON rather than built with the client's typed mapping descriptors: it reads exactly like the
    /// Elasticsearch documentation, and the plugin analyzer and multi-field suggesters need no special handling.</summary>
    private const string Json = """
    {
      "index_patterns": [],
      "priority": 200,
      "template": {
        "settings": {
          "number_of_shards": 1,
          "auto_expand_replicas": "0-1",
          "analysis": {
            "filter": {
              "bigrams_and_unigrams": { "type": "cjk_bigram", "output_unigrams": true }
            },
            "analyzer": {
              "grams_index": { "type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase", "bigrams_and_unigrams"] },
              "grams_query": { "type": "custom", "tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram"] }
            }
          }
        },
        "mappings": {
          "dynamic": "strict",
          "_meta": {},
          "properties": {
            "listingId": { "type": "keyword" },
            "patentId": { "type": "keyword" },
            "applicationNumber": { "type": "keyword" },
            "titleZh": { "type": "text", "analyzer": "smartcn",
              "fields": { "suggest": { "type": "search_as_you_type", "analyzer": "smartcn" },
                          "grams": { "type": "text", "analyzer": "grams_index", "search_analyzer": "grams_query" } } },
            "titleEn": { "type": "text", "analyzer": "english",
              "fields": { "suggest": { "type": "search_as_you_type", "analyzer": "standard" } } },
            "abstractZh": { "type": "text", "analyzer": "smartcn",
              "fields": { "grams": { "type": "text", "analyzer": "grams_index", "search_analyzer": "grams_query" } } },
            "abstractEn": { "type": "text", "analyzer": "english" },
            "ipcCodes": { "type": "keyword" },
            "ipcSection": { "type": "keyword" },
            "ipcClass": { "type": "keyword" },
            "ipcText": { "type": "text", "analyzer": "smartcn" },
            "ownerOrganizationId": { "type": "keyword" },
            "ownerNameZh": { "type": "text", "analyzer": "smartcn" },
            "ownerNameEn": { "type": "text", "analyzer": "english" },
            "ownerType": { "type": "keyword" },
            "inventors": { "type": "keyword",
              "fields": { "text": { "type": "text", "analyzer": "standard" } } },
            "patentType": { "type": "keyword" },
            "legalStatus": { "type": "keyword" },
            "modes": { "type": "keyword" },
            "sleeping": { "type": "boolean" },
            "remainingMonths": { "type": "integer" },
            "price": { "type": "scaled_float", "scaling_factor": 100 },
            "publishedAt": { "type": "date" },
            "publicationNumber": { "type": "keyword" },
            "numberKeys": { "type": "keyword" },
            "locarnoClass": { "type": "keyword", "index": false },
            "locarno": { "type": "keyword" }
          }
        }
      }
    }
    """;

    // Why these choices, since JSON has no comments:
    // - number_of_shards 1: a park has thousands of listings, and one shard keeps term statistics (and so scores)
    //   exact; auto_expand_replicas 0-1 keeps a single-node cluster green and adds a replica when a node joins.
    // - titleEn.suggest uses "standard", not "english": stemming would turn a typed prefix such as "navigati" into a
    //   token that no longer prefixes the indexed stem "navig". Chinese suggestions keep smartcn so 船舶导 → 船舶 + 导*.
    // - inventors.text uses "standard": names are not dictionary words, and standard indexes CJK as single
    //   characters, so a name matches however smartcn would have segmented it.
    // - price is scaled_float (cents), as exact as the Lucene engine's cent values; null means negotiable.
    // - titleZh.grams and abstractZh.grams are the Lucene engine's bigram fields (GramAnalyzer): overlapping bigrams of
    //   Han text with the single characters too at index time, bigrams only at query time, so 「船」 and unknown
    //   compounds match. Scores are BM25, Elasticsearch's default, as in the Lucene engine.

    public static JsonObject Build(IndexNames names)
    {
        var template = JsonNode.Parse(Json)!.AsObject();
        template["index_patterns"] = new JsonArray(names.VersionPattern);
        template["template"]!["mappings"]!["_meta"] = new JsonObject { ["schemaVersion"] = ISearchEngine.SchemaVersion };
        return template;
    }
}
