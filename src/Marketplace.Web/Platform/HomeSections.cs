using System.Security.Claims;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Platform;

/// <summary>Whose landing page a section belongs on; each visitor sees exactly one (<see cref="HomeSections.AudienceOf"/>).</summary>
[Flags]
public enum HomeAudience
{
    Public = 1,
    Office = 2,
    Enterprise = 4,
    Bank = 8,
    Park = 16,
}

/// <summary>What a section of a page shows: a partial view of the feature that owns it and its model, or (on the home
/// page) a <see cref="HomeCounter"/> with no partial, which the page draws in its row of counters.</summary>
public sealed record SectionView(string? Partial, object Model);

/// <summary>A figure with a link to its work list ("3 listings to review"); the home page draws these as counters.</summary>
public sealed record HomeCounter(int Count, string Text, string Href);

/// <summary>
/// A piece of a role's landing page, contributed by the feature that owns its data (the Listings feature's recently
/// published listings, the Pledges feature's queue, …). The home page knows no feature: it asks every section
/// registered for the visitor's audience, in <see cref="Order"/>, and draws each answer. A feature registers its
/// sections with <see cref="HomeSections.AddHomeSection{TSection}"/>; a section with nothing to say answers null.
/// </summary>
public interface IHomeSection
{
    HomeAudience Audience { get; }

    /// <summary>Position on the page, lower first (the orders in use are listed in docs/architecture.md).</summary>
    int Order { get; }

    Task<SectionView?> ReadAsync(HomeAudience audience, ClaimsPrincipal caller, CancellationToken ct);
}

public static class HomeSections
{
    /// <summary>The public home page is the most visited page and the same for every anonymous visitor: a section read
    /// for it may keep its answer this long (those that can be told of a change drop it sooner).</summary>
    public static readonly TimeSpan PublicLifetime = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddHomeSection<TSection>(this IServiceCollection services) where TSection : class, IHomeSection =>
        services.AddScoped<IHomeSection, TSection>();

    public static SectionView Counter(int count, string text, string href) => new(null, new HomeCounter(count, text, href));

    /// <summary>The one landing page of a visitor, by the first of their roles that has one.</summary>
    public static HomeAudience AudienceOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.ParkAdmin) ? HomeAudience.Park
        : user.IsInRole(Roles.TechTransferOffice) ? HomeAudience.Office
        : user.IsInRole(Roles.Enterprise) ? HomeAudience.Enterprise
        : user.IsInRole(Roles.BankOfficer) || user.IsInRole(Roles.BankApprover) ? HomeAudience.Bank
        : HomeAudience.Public;

    /// <summary>The sections of <paramref name="audience"/>, in order. One after the other: they share the request's DbContext.</summary>
    public static async Task<IReadOnlyList<SectionView>> ReadAsync(IEnumerable<IHomeSection> sections, HomeAudience audience,
        ClaimsPrincipal caller, CancellationToken ct)
    {
        var views = new List<SectionView>();
        foreach (var section in sections.Where(s => s.Audience.HasFlag(audience)).OrderBy(s => s.Order))
            if (await section.ReadAsync(audience, caller, ct) is { } view) views.Add(view);
        return views;
    }
}
