using Marketplace.Domain.Listings;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// The pledge register as the platform knows it: a patent is under an active pledge from its CNIPA registration
/// until release. Disposal is free again only when every bank holding it has recorded its consent.
/// </summary>
public sealed class RegisteredPledges(MarketplaceDb db) : IPledgeRegistry
{
    public async Task<PledgeState> GetAsync(Guid patentId, CancellationToken ct)
    {
        var consents = await Active(patentId).Select(a => a.PledgeeConsentAt != null).ToListAsync(ct);
        return consents.Count == 0 ? PledgeState.None : new PledgeState(true, consents.All(c => c));
    }

    /// <summary>Of <paramref name="patentIds"/>, those pledged by any application other than <paramref name="except"/>.</summary>
    public async Task<HashSet<Guid>> LockedAsync(IReadOnlyCollection<Guid> patentIds, Guid? except, CancellationToken ct)
    {
        var locked = new HashSet<Guid>();
        foreach (var id in patentIds.Distinct())
            if (await Active(id).AnyAsync(a => a.Id != except, ct))
                locked.Add(id);
        return locked;
    }

    private IQueryable<PledgeApplication> Active(Guid patentId) =>
        db.PledgeApplications.AsNoTracking().Where(a => PledgeApplication.LockingStates.Contains(a.Status) && a.PatentIds.Contains(patentId));
}
