using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Notifications;

namespace Marketplace.Web.Features.Deals;

/// <summary>
/// After a deal's change commits, its parties hear of it: the party that acted is not told of its own step; a
/// change nobody in particular made (a Stripe payment applied by the inbox) reaches both. Money is told the same
/// way whichever path it took.
/// </summary>
public sealed class DealNotices(MarketplaceDb db, Notifier notifier, IHttpContextAccessor http)
    : IDomainEventHandler<DealStepTaken>, IDomainEventHandler<InstalmentChanged>
{
    public const string StatusKind = "deal.status";

    public static string Url(Guid dealId) => $"/Deals/Detail/{dealId}";

    public Task HandleAsync(DealStepTaken step, CancellationToken ct)
    {
        if (step.From is null || step.From == step.To) return Task.CompletedTask;
        return TellPartiesAsync(step.DealId, new Text("The deal is now: {0}", step.To), ct);
    }

    public Task HandleAsync(InstalmentChanged changed, CancellationToken ct) => changed.Action switch
    {
        "IntentCreated" => Task.CompletedTask,
        _ when changed.From == changed.To && changed.Change == 0 => Task.CompletedTask,
        _ => TellPartiesAsync(changed.DealId, new Text("A payment of the deal is now: {0}", changed.To), ct),
    };

    private async Task TellPartiesAsync(Guid dealId, Text text, CancellationToken ct)
    {
        var deal = db.Deals.Local.FirstOrDefault(d => d.Id == dealId) ?? await db.Deals.FindAsync([dealId], ct);
        if (deal is null) return;
        var actor = http.HttpContext?.User.OrganizationId();
        var parties = new[] { deal.SellerOrganizationId, deal.BuyerOrganizationId }.Where(p => p != actor).ToList();
        var notice = new Notice(StatusKind, text, Url(deal.Id), deal.Id);
        db.AfterCommit(async () => { foreach (var party in parties) await notifier.ToOrganizationAsync(party, notice); });
    }
}
