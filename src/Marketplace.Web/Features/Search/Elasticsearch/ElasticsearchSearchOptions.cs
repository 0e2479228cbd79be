namespace Marketplace.Web.Features.Search.Elasticsearch;

/// <summary>Settings for the Elasticsearch engine (section <c>Search:Elasticsearch</c>).</summary>
public sealed class ElasticsearchSearchOptions
{
    public const string Section = "Search:Elasticsearch";

    /// <summary>The cluster endpoint, e.g. <c>https://es.internal:9200</c>.</summary>
    [Platform.DeploymentSetting] public string? Url { get; set; }

    /// <summary>Every index, alias and template name starts with this, so several marketplaces (or test runs) can
    /// share one cluster.</summary>
    public string IndexPrefix { get; set; } = "marketplace";

    /// <summary>An API key as Elasticsearch returns it in <c>encoded</c> (base64 of <c>id:key</c>); sent as
    /// <c>Authorization: ApiKey …</c>.</summary>
    public string? ApiKey { get; set; }
}
