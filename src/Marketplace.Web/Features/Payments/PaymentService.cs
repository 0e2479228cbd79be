using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Payments;

public sealed record IntentResponse(string PaymentIntentId, string ClientSecret, string PublishableKey, decimal Amount);

public sealed record TransferReport(string? Reference, string? Evidence, uint? Version);

/// <summary>
/// Paying instalments: the buyer pays online (a Stripe PaymentIntent) or reports a bank transfer, which the seller
/// or the park office confirms. The deal applies the money (Deal.Payments.cs); the audit row, the park's totals,
/// completion and the parties' notices follow from its events, the same for both ways of paying.
/// </summary>
public sealed class PaymentService(MarketplaceDb db, TimeProvider clock, StripeGateway stripe, IOptions<StripeOptions> options)
{
    public const string AuditEntity = Deals.DealAudit.PaymentEntity;

    public async Task<IntentResponse> CreateIntentAsync(ClaimsPrincipal caller, Guid instalmentId, CancellationToken ct)
    {
        var deal = await FindAsync(caller, instalmentId, null, ct);
        if (caller.OrganizationId() != deal.BuyerOrganizationId)
            throw new ForbiddenActionException("instalmentId", "Only the paying party pays an instalment.");
        // Checked before the attempt is counted: nothing is written for an instalment Stripe could not charge.
        if (deal.Instalment(instalmentId).Amount > options.Value.MaximumCharge)
            throw new DomainRuleException("method", new Text("This instalment is above {0:N2} yuan, the most one online payment may be; pay it by bank transfer.",
                options.Value.MaximumCharge));
        var attempt = deal.BeginStripePayment(instalmentId);
        await db.SaveChangesAsync(ct);
        var instalment = deal.Instalment(instalmentId);
        var intent = await stripe.CreateIntentAsync(instalment.Amount, $"instalment-{instalment.Id}-{attempt}",
            new Dictionary<string, string> { ["dealId"] = deal.Id.ToString(), ["instalmentId"] = instalment.Id.ToString() }, ct);
        deal.AttachIntent(instalmentId, intent.Id);
        await db.SaveChangesAsync(ct);
        return new IntentResponse(intent.Id, intent.ClientSecret, options.Value.PublishableKey!, instalment.Amount);
    }

    public async Task<Instalment> ReportTransferAsync(ClaimsPrincipal caller, Guid instalmentId, TransferReport report, CancellationToken ct)
    {
        var deal = await FindAsync(caller, instalmentId, report.Version, ct);
        if (caller.OrganizationId() != deal.BuyerOrganizationId)
            throw new ForbiddenActionException("instalmentId", "The paying party reports its transfer.");
        deal.ReportTransfer(instalmentId, report.Reference ?? "", report.Evidence, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return deal.Instalment(instalmentId);
    }

    /// <summary>The payee (or the park office) confirms the money arrived. Two confirmations at once: one wins, the other is a 409.</summary>
    public async Task<Instalment> ConfirmTransferAsync(ClaimsPrincipal caller, Guid instalmentId, uint? version, CancellationToken ct)
    {
        var deal = await FindAsync(caller, instalmentId, version, ct);
        if (caller.OrganizationId() != deal.SellerOrganizationId && !caller.IsInRole(Roles.ParkAdmin))
            throw new ForbiddenActionException("instalmentId", "The receiving party or the park office confirms a transfer, not the payer.");
        deal.ConfirmTransfer(instalmentId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return deal.Instalment(instalmentId);
    }

    private async Task<Deal> FindAsync(ClaimsPrincipal caller, Guid instalmentId, uint? version, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        var admin = caller.IsInRole(Roles.ParkAdmin);
        var deal = await db.Deals.Include(d => d.Instalments)
                       .SingleOrDefaultAsync(d => d.Instalments.Any(i => i.Id == instalmentId)
                                                  && (admin || d.SellerOrganizationId == organizationId || d.BuyerOrganizationId == organizationId), ct)
                   ?? throw new NotFoundException("Instalment");
        Concurrency.ExpectVersion(deal.Instalment(instalmentId).Version, version);
        return deal;
    }
}
