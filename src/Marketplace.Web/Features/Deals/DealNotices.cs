using System.Security.Claims;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Deals;

/// <summary>After a deal's change commits: the other party hears of it, and the park office that the figures moved.</summary>
public sealed class DealNotices(Notifier notifier, MarketplaceDb db)
{
    public const string StatusKind = "deal.status", TargetsKind = "targets.deals";

    public static string Url(Guid dealId) => $"/Deals/Detail/{dealId}";

    public async Task ChangedAsync(Deal deal, ClaimsPrincipal? actor, DealStatus before, bool figuresMoved, CancellationToken ct)
    {
        var text = deal.Status == before ? $"交易已更新 / Deal updated: {deal.Status}" : $"交易状态：{deal.Status} / Deal is now {deal.Status}";
        foreach (var party in new[] { deal.SellerOrganizationId, deal.BuyerOrganizationId }.Where(p => p != actor?.OrganizationId()))
            await notifier.ToOrganizationAsync(party, new Notification(StatusKind, text, Url(deal.Id), deal.Id));
        if (figuresMoved) await FiguresMovedAsync(ct);
    }

    public async Task FiguresMovedAsync(CancellationToken ct)
    {
        var parkOffices = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.ParkOffice).Select(o => o.Id).ToListAsync(ct);
        foreach (var office in parkOffices)
            await notifier.ToOrganizationAsync(office, new Notification(TargetsKind, "交易额已变化 / Deal figures changed", "/Targets"));
    }
}
