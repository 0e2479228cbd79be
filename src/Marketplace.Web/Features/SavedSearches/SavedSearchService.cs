using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Marketplace.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.SavedSearches;

public sealed record SavedSearchResponse(Guid Id, string Name, SearchRequest Query, DateTimeOffset CreatedAt);

/// <summary>POST /api/saved-searches: a name and the search page's parameters (q, type, ipc, mode, …).</summary>
public sealed class SaveSearchRequest
{
    public string? Name { get; set; }
    public SearchRequest? Query { get; set; }
}

/// <summary>An enterprise's saved searches: checked by the search's own rules (a filter the search refuses is refused
/// here, naming it), at most <see cref="MaxPerPerson"/> per person, visible and deletable only by the person who saved them.</summary>
public sealed class SavedSearchService(MarketplaceDb db, TimeProvider clock)
{
    public const int MaxPerPerson = 50;

    public async Task<SavedSearch> SaveAsync(ClaimsPrincipal caller, SaveSearchRequest request, CancellationToken ct)
    {
        var (user, organization) = (caller.UserId()!.Value, caller.OrganizationId()!.Value);
        var query = request.Query ?? new SearchRequest();
        try
        {
            query.ToQuery();
        }
        catch (DomainRuleException refused)
        {
            throw new DomainRuleException($"query.{refused.Field}", refused.Text);
        }
        if (string.IsNullOrWhiteSpace(query.Q) && SavedSearch.Store(query) == SavedSearch.Store(new SearchRequest()))
            throw new DomainRuleException("query", "Give search words or at least one filter; a search for everything would match every listing.");
        var name = (request.Name ?? query.Q ?? "").Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
            throw new DomainRuleException("name", "Give the saved search a name of 1 to 100 characters.");
        if (await db.SavedSearches.CountAsync(s => s.UserId == user, ct) >= MaxPerPerson)
            throw new DomainRuleException("name", new Text("You can keep at most {0} saved searches; delete one first.", MaxPerPerson), isConflict: true);
        var now = clock.GetUtcNow();
        var saved = new SavedSearch
        {
            Id = Guid.CreateVersion7(now), UserId = user, OrganizationId = organization, Name = name, Query = SavedSearch.Store(query),
            CreatedAt = now, UpdatedAt = now,
        };
        db.SavedSearches.Add(saved);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public async Task<IReadOnlyList<SavedSearch>> MineAsync(ClaimsPrincipal caller, CancellationToken ct) =>
        await db.SavedSearches.AsNoTracking().Where(s => s.UserId == caller.UserId()).OrderByDescending(s => s.CreatedAt).ToListAsync(ct);

    public async Task DeleteAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        if (await db.SavedSearches.Where(s => s.Id == id && s.UserId == caller.UserId()).ExecuteDeleteAsync(ct) == 0)
            throw new NotFoundException("Saved search");
    }

    public static SavedSearchResponse ToResponse(SavedSearch s) => new(s.Id, s.Name, s.Request(), s.CreatedAt);
}
