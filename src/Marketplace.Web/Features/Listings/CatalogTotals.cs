using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using System.Text.RegularExpressions;

namespace Marketplace.Web.Features.Listings;

/// <summary>
/// The catalog's totals, counted once and then read from memory: counting 100,000 listings on every page view costs
/// more than the page itself. Only totals of filters without free text are kept (a type, a mode, an owner, the
/// sleeping flag), so their number is small and a flood of distinct keywords cannot fill memory. A listing's change
/// drops them after its commit on this instance (<see cref="Evict"/>); <see cref="Lifetime"/> bounds what another
/// instance's change leaves stale here.
/// </summary>
public sealed partial class CatalogTotals(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private CancellationTokenSource generation = new();

    /// <summary>A technical field is kept when it is a real IPC section, class or subclass (B, B63, B63B): about 5,000
    /// of them, so the kept totals stay bounded while the field filter, which reads every patent's codes, is counted once.</summary>
    public static bool Keeps(CatalogFilter filter) =>
        string.IsNullOrWhiteSpace(filter.Q) && (string.IsNullOrWhiteSpace(filter.Field) || IpcPrefix().IsMatch(filter.Field.Trim().ToUpperInvariant()))
        && filter.Mine != true && filter.Status is null;

    public Task<int> CountAsync(CatalogFilter filter, Func<Task<int>> count) =>
        KeepAsync($"catalog.total:{filter.Type}|{filter.Mode}|{filter.Owner}|{filter.Sleeping}|{filter.Field?.Trim().ToUpperInvariant()}", Lifetime, count);

    [GeneratedRegex("^[A-H]([0-9]{2}[A-Z]?)?$")]
    private static partial Regex IpcPrefix();

    /// <summary>Something read from the catalog that is the same for every reader (a total, the home page's market):
    /// kept for <paramref name="lifetime"/> or until the next listing change on this instance, whichever comes first.</summary>
    public async Task<T> KeepAsync<T>(string key, TimeSpan lifetime, Func<Task<T>> read)
    {
        if (cache.TryGetValue(key, out T? known)) return known!;
        var changed = Changed();
        var value = await read();
        using var entry = cache.CreateEntry(key);
        entry.Value = value;
        entry.AbsoluteExpirationRelativeToNow = lifetime;
        entry.AddExpirationToken(changed);
        return value;
    }

    /// <summary>Fires at the next listing change on this instance.</summary>
    public IChangeToken Changed() => new CancellationChangeToken(Volatile.Read(ref generation).Token);

    /// <summary>Drops every kept total; counted from a token taken before the count, so a count that raced a change is dropped too.</summary>
    public void Evict()
    {
        // Not disposed: a reader may be taking its token at this moment (a source without a timer holds nothing to free).
        Interlocked.Exchange(ref generation, new CancellationTokenSource()).Cancel();
    }
}

/// <summary>Any listing change may move a total (published, withdrawn, suspended, its modes); dropped after the commit,
/// so a reader cannot count the old rows again before they change.</summary>
public sealed class CatalogTotalsOnChange(MarketplaceDb db, CatalogTotals totals) : IDomainEventHandler<ListingChanged>
{
    public Task HandleAsync(ListingChanged changed, CancellationToken ct)
    {
        db.AfterCommit(() => { totals.Evict(); return Task.CompletedTask; });
        return Task.CompletedTask;
    }
}
