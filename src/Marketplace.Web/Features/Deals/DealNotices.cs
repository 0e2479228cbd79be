using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Notifications;

namespace Marketplace.Web.Features.Deals;

/// <summary>
/// A deal's parties hear of its steps and its money, written with the change: the party that acted is not told of its
/// own step; a change nobody in particular made (a Stripe payment applied by the inbox) reaches both. A Stripe payment
/// and a confirmed bank transfer raise the same event, so they tell the same people by construction.
/// </summary>
public sealed class DealNotices(MarketplaceDb db, NoticeBoard board, IHttpContextAccessor http)
    : IDomainEventHandler<DealStepTaken>, IDomainEventHandler<InstalmentChanged>
{
    public static string Url(Guid dealId) => $"/Deals/Detail/{dealId}";

    public Task HandleAsync(DealStepTaken step, CancellationToken ct)
    {
        if (step.From is null || step.From == step.To) return Task.CompletedTask;
        return TellPartiesAsync(step.DealId, NoticeKinds.DealStep, new Text("The deal is now: {0}", step.To), ct);
    }

    public Task HandleAsync(InstalmentChanged changed, CancellationToken ct) => changed switch
    {
        { Action: "IntentCreated" } => Task.CompletedTask,
        { Change: > 0 } => TellPartiesAsync(changed.DealId, NoticeKinds.PaymentReceived, new Text("A payment of {0:N2} yuan was received for the deal.", changed.Change), ct),
        { Change: < 0 } => TellPartiesAsync(changed.DealId, NoticeKinds.PaymentRefunded, new Text("{0:N2} yuan of the deal's payments were refunded.", -changed.Change), ct),
        _ when changed.From == changed.To => Task.CompletedTask,
        _ => TellPartiesAsync(changed.DealId, NoticeKinds.PaymentReported, new Text("A payment of the deal is now: {0}", changed.To), ct),
    };

    private async Task TellPartiesAsync(Guid dealId, NoticeKind kind, Text text, CancellationToken ct)
    {
        var deal = db.Deals.Local.FirstOrDefault(d => d.Id == dealId) ?? await db.Deals.FindAsync([dealId], ct);
        if (deal is null) return;
        var actor = http.HttpContext?.User.OrganizationId();
        var parties = new[] { deal.SellerOrganizationId, deal.BuyerOrganizationId }.Where(p => p != actor).ToList();
        await board.PostAsync(new NoticeAudience(parties), kind, text, Url(deal.Id), deal.Id, ct: ct);
    }
}
