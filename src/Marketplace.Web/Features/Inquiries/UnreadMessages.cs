using System.Collections.Concurrent;
using System.Security.Claims;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>
/// The navigation bar's count of unread messages and offers, kept in memory per person: every signed-in page shows it,
/// and counting it costs two queries over the rooms. A message, an offer or a new room drops the counts of both
/// parties' people after its commit (on this instance); opening a room drops the reader's own. <see cref="Lifetime"/>
/// bounds what another instance's writes leave stale here, as for the notices' count.
/// </summary>
public sealed class UnreadMessages(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> organizations = new();

    public async ValueTask<int> CountAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        if (caller.OrganizationId() is not { } org || caller.UserId() is not { } user) return 0;
        if (cache.TryGetValue(Key(user), out int known)) return known;
        // Taken before counting: a write that commits while this counts drops what this is about to keep.
        var token = organizations.GetOrAdd(org, _ => new CancellationTokenSource()).Token;
        await using var scope = scopes.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<MessageService>().UnreadCountAsync(caller, ct);
        using var entry = cache.CreateEntry(Key(user));
        entry.Value = count;
        entry.AbsoluteExpirationRelativeToNow = Lifetime;
        entry.AddExpirationToken(new CancellationChangeToken(token));
        return count;
    }

    /// <summary>Something arrived in a room of these organisations: every count of their people is dropped.</summary>
    public void Moved(params Guid[] organizationIds)
    {
        foreach (var id in organizationIds)
            // Not disposed: a reader may be taking its token at this moment (a source without a timer holds nothing to free).
            if (organizations.TryRemove(id, out var old)) old.Cancel();
    }

    public void Read(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"inquiries.unread:{userId}";
}

/// <summary>Drops the parties' unread counts after the commit of what changes them.</summary>
public sealed class UnreadMessagesOnChange(MarketplaceDb db, UnreadMessages unread) :
    IDomainEventHandler<InquiryOpened>, IDomainEventHandler<InquiryMessagePosted>, IDomainEventHandler<OfferMoved>
{
    public Task HandleAsync(InquiryOpened e, CancellationToken ct) => After(e.OwnerOrganizationId, e.EnterpriseOrganizationId);

    public Task HandleAsync(InquiryMessagePosted e, CancellationToken ct) => After(e.AuthorOrganizationId, e.RecipientOrganizationId);

    public Task HandleAsync(OfferMoved e, CancellationToken ct) => After(e.ActorOrganizationId, e.RecipientOrganizationId);

    private Task After(Guid first, Guid second)
    {
        db.AfterCommit(() => { unread.Moved(first, second); return Task.CompletedTask; });
        return Task.CompletedTask;
    }
}
