using Marketplace.Domain.Deals;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Watch;

/// <summary>A lapse (or a restoration) concerns everyone negotiating over the patent: the watch raises a warning for
/// each open negotiation room and each unsigned deal, which the notification centre turns into notices.</summary>
public sealed class WarnNegotiations(MarketplaceDb db) : IDomainEventHandler<PatentLapsed>, IDomainEventHandler<PatentRestored>
{
    public Task HandleAsync(PatentLapsed lapsed, CancellationToken ct) => WarnAsync(lapsed.PatentId, PatentWarning.Lapsed, lapsed.On, lapsed.Reason, ct);

    public Task HandleAsync(PatentRestored restored, CancellationToken ct) => WarnAsync(restored.PatentId, PatentWarning.Restored, restored.On, null, ct);

    private async Task WarnAsync(Guid patentId, PatentWarning warning, DateOnly on, string? reason, CancellationToken ct)
    {
        var rooms = (await db.Inquiries.AsNoTracking().Where(i => i.PatentId == patentId && i.Status == InquiryStatus.Open)
            .Select(i => new { i.Id, i.OwnerOrganizationId, i.EnterpriseOrganizationId }).ToListAsync(ct))
            .Select(i => (i.Id, i.OwnerOrganizationId, i.EnterpriseOrganizationId)).ToList();
        var deals = (await db.Deals.AsNoTracking().Where(d => d.PatentId == patentId && d.Status == DealStatus.Draft)
            .Select(d => new { d.Id, d.SellerOrganizationId, d.BuyerOrganizationId }).ToListAsync(ct))
            .Select(d => (d.Id, d.SellerOrganizationId, d.BuyerOrganizationId)).ToList();
        if (rooms.Count == 0 && deals.Count == 0) return;
        var watch = await db.PatentWatches.FindAsync([patentId], ct);
        if (watch is null) db.PatentWatches.Add(watch = PatentWatch.Start(patentId));
        watch.Warn(warning, on, reason, rooms, deals);
    }
}
