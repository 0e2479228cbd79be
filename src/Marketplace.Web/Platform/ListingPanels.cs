using System.Security.Claims;

namespace Marketplace.Web.Platform;

/// <summary>What the listing page tells the panels other features hang on it.</summary>
/// <param name="SessionId">Set when the visitor came from a matchmaking session's board.</param>
public sealed record ListingContext(Guid ListingId, Guid OrganizationId, bool Published, bool HasOpenLicence, Guid? SessionId);

/// <summary>
/// A panel on a listing's page contributed by another feature (Inquiries: ask the owner or take the open licence;
/// Needs: the needs the listing fits). The listing page knows none of them: it asks every registered panel, in
/// <see cref="Order"/>, and draws the answers below its own actions. A panel that does not apply to the viewer answers null;
/// its forms post to its own feature's pages.
/// </summary>
public interface IListingPanel
{
    int Order { get; }

    Task<SectionView?> ReadAsync(ListingContext listing, ClaimsPrincipal caller, CancellationToken ct);
}

public static class ListingPanels
{
    public static IServiceCollection AddListingPanel<TPanel>(this IServiceCollection services) where TPanel : class, IListingPanel =>
        services.AddScoped<IListingPanel, TPanel>();

    /// <summary>The panels for this viewer, in order, one after the other (they share the request's DbContext).</summary>
    public static async Task<IReadOnlyList<SectionView>> ReadAsync(IEnumerable<IListingPanel> panels, ListingContext listing,
        ClaimsPrincipal caller, CancellationToken ct)
    {
        var views = new List<SectionView>();
        foreach (var panel in panels.OrderBy(p => p.Order))
            if (await panel.ReadAsync(listing, caller, ct) is { } view) views.Add(view);
        return views;
    }
}
