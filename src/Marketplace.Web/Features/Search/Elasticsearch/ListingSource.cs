using System.Text.Json.Serialization;

namespace Marketplace.Web.Features.Search.Elasticsearch;

/// <summary>
/// The <c>_source</c> of one listing in the index. Property names are fixed with attributes rather than left to the
/// client's serializer settings, because the mapping (<see cref="ListingsIndexTemplate"/>), the queries and the
/// response parsing all spell them out. The mapping is <c>dynamic: strict</c>, so a name missing there fails loudly.
/// </summary>
internal sealed class ListingSource
{
    [JsonPropertyName("listingId")] public Guid ListingId { get; init; }
    [JsonPropertyName("patentId")] public Guid PatentId { get; init; }
    [JsonPropertyName("applicationNumber")] public string ApplicationNumber { get; init; } = "";
    [JsonPropertyName("titleZh")] public string TitleZh { get; init; } = "";
    [JsonPropertyName("titleEn")] public string? TitleEn { get; init; }
    [JsonPropertyName("abstractZh")] public string AbstractZh { get; init; } = "";
    [JsonPropertyName("abstractEn")] public string? AbstractEn { get; init; }
    [JsonPropertyName("ipcCodes")] public IReadOnlyList<string> IpcCodes { get; init; } = [];
    [JsonPropertyName("ipcSection")] public IReadOnlyList<string> IpcSection { get; init; } = [];
    [JsonPropertyName("ipcClass")] public IReadOnlyList<string> IpcClass { get; init; } = [];
    [JsonPropertyName("ipcText")] public string IpcText { get; init; } = "";
    [JsonPropertyName("ownerOrganizationId")] public Guid OwnerOrganizationId { get; init; }
    [JsonPropertyName("ownerNameZh")] public string OwnerNameZh { get; init; } = "";
    [JsonPropertyName("ownerNameEn")] public string? OwnerNameEn { get; init; }
    [JsonPropertyName("ownerType")] public string OwnerType { get; init; } = "";
    [JsonPropertyName("inventors")] public IReadOnlyList<string> Inventors { get; init; } = [];
    [JsonPropertyName("patentType")] public string PatentType { get; init; } = "";
    [JsonPropertyName("legalStatus")] public string LegalStatus { get; init; } = "";
    [JsonPropertyName("modes")] public IReadOnlyList<string> Modes { get; init; } = [];
    [JsonPropertyName("sleeping")] public bool Sleeping { get; init; }
    [JsonPropertyName("remainingMonths")] public int RemainingMonths { get; init; }
    [JsonPropertyName("price")] public decimal? Price { get; init; }
    [JsonPropertyName("publishedAt")] public DateTimeOffset PublishedAt { get; init; }
    [JsonPropertyName("publicationNumber")] public string? PublicationNumber { get; init; }
    [JsonPropertyName("numberKeys")] public IReadOnlyList<string> NumberKeys { get; init; } = [];
    [JsonPropertyName("locarnoClass")] public string? LocarnoClass { get; init; }
    [JsonPropertyName("locarno")] public string? Locarno { get; init; }

    public static ListingSource From(SearchDocument d) => new()
    {
        ListingId = d.ListingId, PatentId = d.PatentId, ApplicationNumber = d.ApplicationNumber,
        TitleZh = d.TitleZh, TitleEn = d.TitleEn, AbstractZh = d.AbstractZh, AbstractEn = d.AbstractEn,
        IpcCodes = d.IpcCodes,
        // Section and class are indexed as their own keywords so filters and facets are plain term lookups.
        IpcSection = d.IpcCodes.Where(c => c.Length >= 1).Select(c => c[..1]).Distinct().ToList(),
        IpcClass = d.IpcCodes.Where(c => c.Length >= 3).Select(c => c[..3]).Distinct().ToList(),
        IpcText = d.IpcText, OwnerOrganizationId = d.OwnerOrganizationId, OwnerNameZh = d.OwnerNameZh,
        OwnerNameEn = d.OwnerNameEn, OwnerType = d.OwnerType, Inventors = d.Inventors, PatentType = d.PatentType,
        LegalStatus = d.LegalStatus, Modes = d.Modes, Sleeping = d.Sleeping, RemainingMonths = d.RemainingMonths,
        Price = d.Price, PublishedAt = d.PublishedAt, PublicationNumber = d.PublicationNumber,
        NumberKeys = NumberSearch.Keys(d.ApplicationNumber, d.PublicationNumber).Distinct().ToList(),
        LocarnoClass = d.LocarnoClass, Locarno = d.LocarnoClass is { Length: >= 2 } l ? l[..2] : null,
    };
}

/// <summary>The feed position, stored in <c>{prefix}-search-state/_doc/listings-v{SchemaVersion}</c>.</summary>
internal sealed class SearchState
{
    [JsonPropertyName("checkpoint")] public string? Checkpoint { get; init; }
}
