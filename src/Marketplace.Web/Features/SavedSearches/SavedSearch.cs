using System.Text.Json;
using Marketplace.Web.Features.Search;

namespace Marketplace.Web.Features.SavedSearches;

/// <summary>A search an enterprise keeps (the text and filters of the search page), run against every newly published
/// listing; its owner is told of each listing that matches, once.</summary>
public sealed class SavedSearch
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The search's parameters as the search page and API take them (<see cref="SearchRequest"/>), as JSON.</summary>
    public string Query { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Store(SearchRequest request) => JsonSerializer.Serialize(new SearchRequest
    {
        Q = request.Q, Type = request.Type, Ipc = request.Ipc, Mode = request.Mode, Owner = request.Owner, OwnerType = request.OwnerType,
        LegalStatus = request.LegalStatus, Sleeping = request.Sleeping, MinRemainingMonths = request.MinRemainingMonths,
        MaxRemainingMonths = request.MaxRemainingMonths, MinPrice = request.MinPrice, MaxPrice = request.MaxPrice,
    }, Json);

    public SearchRequest Request() => JsonSerializer.Deserialize<SearchRequest>(Query, Json) ?? new SearchRequest();
}

/// <summary>The percolator's queue: a listing just published (by the park office's approval), waiting to be run against
/// the saved searches. Written in the approval's transaction; taken by one worker at a time per listing.</summary>
public sealed class PublishedListing
{
    public Guid ListingId { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
}

/// <summary>A saved search ready to run: its compiled query is cached by <see cref="Id"/> and <see cref="UpdatedAt"/>.</summary>
public sealed record SavedSearchQuery(Guid Id, Guid UserId, Guid OrganizationId, string Name, SearchQuery Query, DateTimeOffset UpdatedAt);

/// <summary>Runs saved searches against one listing: which of them would find it.</summary>
public interface ISavedSearchPercolator
{
    Task<IReadOnlyList<Guid>> MatchAsync(SearchDocument listing, IReadOnlyList<SavedSearchQuery> searches, CancellationToken ct);
}
