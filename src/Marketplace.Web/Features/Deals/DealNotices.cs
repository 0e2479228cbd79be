using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Notifications;

namespace Marketplace.Web.Features.Deals;

/// <summary>After a deal's change commits: the other party hears of it, and the park office that the figures moved.</summary>
public sealed class DealNotices(Notifier notifier, Targets.TargetsBroadcast dashboards)
{
    public const string StatusKind = "deal.status", TargetsKind = "targets.deals";

    public static string Url(Guid dealId) => $"/Deals/Detail/{dealId}";

    public async Task ChangedAsync(Deal deal, ClaimsPrincipal? actor, DealStatus before, bool figuresMoved, CancellationToken ct)
    {
        var text = deal.Status == before ? new Text("The deal was updated ({0}).", deal.Status) : new Text("The deal is now: {0}", deal.Status);
        foreach (var party in new[] { deal.SellerOrganizationId, deal.BuyerOrganizationId }.Where(p => p != actor?.OrganizationId()))
            await notifier.ToOrganizationAsync(party, new Notice(StatusKind, text, Url(deal.Id), deal.Id));
        if (figuresMoved) await FiguresMovedAsync(ct);
    }

    public async Task FiguresMovedAsync(CancellationToken ct)
    {
        await dashboards.FiguresMovedAsync(TargetsKind);
        await notifier.ToParkOfficeAsync(new Notice(TargetsKind, "Deal figures have changed.", "/Targets"));
    }
}
