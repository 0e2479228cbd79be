using System.Globalization;
using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Platform;

/// <summary>
/// A signed-in person's home page sections, kept in memory for <see cref="Lifetime"/>: the landing page is what people
/// reload most, and its sections cost a statement each (issue 22: signed-in pages within 80 % of the anonymous page).
/// Any change committed on this instance drops every kept home (<see cref="HomesOnAnyChange"/>): writes are rare next
/// to page views, and a rule per section of which change moves whose home would be a second copy of the features'
/// rules. A change committed on another instance shows here when the lifetime ends, as for the unread counts; the work
/// lists themselves (the bank's queue, the rooms) are always read live.
/// </summary>
public sealed class PersonalHomes(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);
    private CancellationTokenSource _moved = new();

    public async Task<IReadOnlyList<SectionView>> ReadAsync(IEnumerable<IHomeSection> sections, HomeAudience audience,
        ClaimsPrincipal caller, CancellationToken ct)
    {
        if (audience == HomeAudience.Public || caller.UserId() is not { } user) return await HomeSections.ReadAsync(sections, audience, caller, ct);
        // Sections may word their explanations in the reader's language.
        var key = $"home:{user}:{audience}:{CultureInfo.CurrentUICulture.Name}";
        if (cache.TryGetValue(key, out IReadOnlyList<SectionView>? kept)) return kept!;
        // Taken before reading: a change that commits while this reads drops what this is about to keep.
        var token = Volatile.Read(ref _moved).Token;
        var views = await HomeSections.ReadAsync(sections, audience, caller, ct);
        using var entry = cache.CreateEntry(key);
        entry.Value = views;
        entry.AbsoluteExpirationRelativeToNow = Lifetime;
        entry.AddExpirationToken(new CancellationChangeToken(token));
        return views;
    }

    /// <summary>Something changed: every kept home is read afresh.</summary>
    public void Moved()
    {
        // Not disposed: a reader may be taking its token at this moment (a source without a timer holds nothing to free).
        Interlocked.Exchange(ref _moved, new CancellationTokenSource()).Cancel();
    }
}

/// <summary>Drops the kept homes after the commit of any change (<see cref="PersonalHomes"/>).</summary>
public sealed class HomesOnAnyChange(MarketplaceDb db, PersonalHomes homes) : IDomainEventHandler<IDomainEvent>
{
    public Task HandleAsync(IDomainEvent domainEvent, CancellationToken ct)
    {
        db.AfterCommit(() => { homes.Moved(); return Task.CompletedTask; });
        return Task.CompletedTask;
    }
}
