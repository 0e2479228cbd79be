using System.Security.Claims;
using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Deals;
using Marketplace.Web.Features.Platform;
using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payments;

public sealed record IntentResponse(string PaymentIntentId, string ClientSecret, string PublishableKey, decimal Amount);

public sealed record TransferReport(string? Reference, string? Evidence, uint? Version);

/// <summary>
/// Paying instalments: the buyer pays online (a Stripe PaymentIntent) or reports a bank transfer, which the seller
/// or the park office confirms. Money that arrives moves the deal's received amount and the park's totals in
/// the same transaction; a recorded deal that is then fully paid completes.
/// </summary>
public sealed class PaymentService(MarketplaceDb db, AuditLog audit, TimeProvider clock, DealTotals totals, DealNotices notices,
    StripeGateway stripe, IOptions<StripeOptions> options)
{
    public const string AuditEntity = "Payment";

    public async Task<IntentResponse> CreateIntentAsync(ClaimsPrincipal caller, Guid instalmentId, CancellationToken ct)
    {
        var (deal, instalment) = await FindAsync(caller, instalmentId, null, ct);
        if (caller.OrganizationId() != deal.BuyerOrganizationId)
            throw new Domain.Common.ForbiddenActionException("instalmentId", "Only the paying party pays an instalment.");
        deal.PayableInstalment(instalmentId);
        var attempt = instalment.BeginStripePayment();
        await db.SaveChangesAsync(ct);
        var intent = await stripe.CreateIntentAsync(instalment.Amount, $"instalment-{instalment.Id}-{attempt}",
            new Dictionary<string, string> { ["dealId"] = deal.Id.ToString(), ["instalmentId"] = instalment.Id.ToString() }, ct);
        instalment.AttachIntent(intent.Id);
        audit.Record(AuditEntity, instalment.Id, "IntentCreated", instalment.Status.ToString(), instalment.Status.ToString(), intent.Id);
        await db.SaveChangesAsync(ct);
        return new IntentResponse(intent.Id, intent.ClientSecret, options.Value.PublishableKey!, instalment.Amount);
    }

    public async Task<Instalment> ReportTransferAsync(ClaimsPrincipal caller, Guid instalmentId, TransferReport report, CancellationToken ct)
    {
        var (deal, instalment) = await FindAsync(caller, instalmentId, report.Version, ct);
        if (caller.OrganizationId() != deal.BuyerOrganizationId)
            throw new Domain.Common.ForbiddenActionException("instalmentId", "The paying party reports its transfer.");
        deal.PayableInstalment(instalmentId);
        var before = instalment.Status.ToString();
        instalment.ReportTransfer(report.Reference ?? "", report.Evidence, clock.GetUtcNow());
        audit.Record(AuditEntity, instalment.Id, "TransferReported", before, instalment.Status.ToString(), instalment.TransferReference);
        await db.SaveChangesAsync(ct);
        await notices.ChangedAsync(deal, caller, deal.Status, figuresMoved: false, ct);
        return instalment;
    }

    /// <summary>The payee (or the park office) confirms the money arrived. Two confirmations at once: one wins, the other is a 409.</summary>
    public async Task<Instalment> ConfirmTransferAsync(ClaimsPrincipal caller, Guid instalmentId, uint? version, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginUnitOfWorkAsync(ct);
        var (deal, instalment) = await FindAsync(caller, instalmentId, version, ct);
        if (caller.OrganizationId() != deal.SellerOrganizationId && !caller.IsInRole(Roles.ParkAdmin))
            throw new Domain.Common.ForbiddenActionException("instalmentId", "The receiving party or the park office confirms a transfer, not the payer.");
        var before = instalment.Status.ToString();
        await ApplyAsync(deal, instalment, () => instalment.ConfirmTransfer(clock.GetUtcNow()), "TransferConfirmed", before, ct);
        await transaction.CommitAsync(ct);
        await notices.ChangedAsync(deal, caller, deal.Status, figuresMoved: deal.CountedYear is not null, ct);
        return instalment;
    }

    /// <summary>Applies a change of money received: the instalment, the deal's total, completion, the park's totals.</summary>
    internal async Task ApplyAsync(Deal deal, Instalment instalment, Func<decimal> change, string action, string before, CancellationToken ct)
    {
        var counted = DealTotals.Contribution(deal);
        var statusBefore = deal.Status;
        var delta = change();
        deal.Recount(clock.GetUtcNow());
        if (deal.Status == DealStatus.Recorded && deal.Received >= deal.ContractAmount) deal.Complete(clock.GetUtcNow());
        audit.Record(AuditEntity, instalment.Id, action, before, instalment.Status.ToString(), $"{delta:+0.00;-0.00;0.00} CNY");
        if (deal.Status != statusBefore) audit.Record(DealService.AuditEntity, deal.Id, "Completed", statusBefore.ToString(), deal.Status.ToString());
        await db.SaveChangesAsync(ct);
        await totals.MoveAsync(counted, deal, ct);
    }

    private async Task<(Deal Deal, Instalment Instalment)> FindAsync(ClaimsPrincipal caller, Guid instalmentId, uint? version, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        var admin = caller.IsInRole(Roles.ParkAdmin);
        var deal = await db.Deals.Include(d => d.Instalments)
                       .SingleOrDefaultAsync(d => d.Instalments.Any(i => i.Id == instalmentId)
                                                  && (admin || d.SellerOrganizationId == organizationId || d.BuyerOrganizationId == organizationId), ct)
                   ?? throw new NotFoundException("Instalment");
        var instalment = deal.Instalments.Single(i => i.Id == instalmentId);
        Concurrency.ExpectVersion(instalment.Version, version);
        return (deal, instalment);
    }
}
