using System.Security.Claims;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Evidence;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Pledges;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Evidence;

/// <summary>
/// Finds a counted record for the evidence pages and says who may do what with it. Those entitled see it and its
/// documents: the parties of a deal and its payments; the applicant and the lending bank of a loan; the importing
/// bank of an imported pledge; and the park office, which alone verifies. Anyone else is told it does not exist.
/// </summary>
public sealed class EvidenceRecords(MarketplaceDb db)
{
    public async Task<EvidenceTarget> FindAsync(ClaimsPrincipal caller, RecordKind kind, Guid id, int? tranche, CancellationToken ct)
    {
        var office = caller.IsInRole(Roles.ParkAdmin);
        var organization = caller.OrganizationId() ?? Guid.Empty;
        var bank = PledgeAccess.IsBankStaff(caller);
        switch (kind)
        {
            case RecordKind.Deal:
            {
                var deal = await db.Deals.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && (office || d.SellerOrganizationId == organization || d.BuyerOrganizationId == organization), ct)
                           ?? throw new NotFoundException("Deal");
                return new(kind, id, null, $"{deal.Category} {deal.ContractAmount:N2} · {deal.RegistrationNumber ?? "—"}", $"/Deals/Detail/{id}", deal.Evidence, true, office);
            }
            case RecordKind.Payment:
            {
                var deal = await db.Deals.AsNoTracking().Include(d => d.Instalments)
                               .SingleOrDefaultAsync(d => d.Instalments.Any(i => i.Id == id) && (office || d.SellerOrganizationId == organization || d.BuyerOrganizationId == organization), ct)
                           ?? throw new NotFoundException("Payment");
                var instalment = deal.Instalment(id);
                return new(kind, id, null, $"{instalment.Number} {instalment.Label} {instalment.Net:N2}", $"/Deals/Detail/{deal.Id}", instalment.Evidence, true, office);
            }
            case RecordKind.Tranche:
            {
                var application = await db.PledgeApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id
                    && (office || a.ApplicantOrganizationId == organization || (bank && a.BankOrganizationId == organization)), ct) ?? throw new NotFoundException("Pledge application");
                if (tranche is not { } n || n < 1 || n > application.Disbursements.Count) throw new NotFoundException("Tranche");
                var t = application.Disbursements[n - 1];
                return new(kind, id, n, $"{application.RegistrationNumber} #{n} {t.Amount:N2} {t.On:yyyy-MM-dd}", $"/Pledges/Detail/{id}", t.Evidence, true, office);
            }
            case RecordKind.Session:
            {
                var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && office, ct) ?? throw new NotFoundException("Session");
                return new(kind, id, null, session.Details.TitleZh, $"/Sessions/Detail/{id}", session.Evidence, true, office);
            }
            case RecordKind.ImportedPledge:
            {
                var pledge = await db.ImportedPledges.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && (office || (bank && p.BankOrganizationId == organization)), ct)
                             ?? throw new NotFoundException("Imported pledge");
                return new(kind, id, null, $"{pledge.RegistrationNumber} {pledge.PledgorName}", $"/OffPlatform/Pledges?registration={pledge.RegistrationNumber}", pledge.Evidence, true, office);
            }
            default:
            {
                var contract = await db.ImportedContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && office, ct) ?? throw new NotFoundException("Imported contract");
                return new(kind, id, null, $"{contract.RegistrationNumber} {contract.SellerName} → {contract.BuyerName}", "/OffPlatform/Contracts", contract.Evidence, true, office);
            }
        }
    }

    /// <summary>The deal a payment belongs to (the aggregate its evidence moves through).</summary>
    public Task<Deal> TrackedDealAsync(RecordKind kind, Guid id, CancellationToken ct) =>
        kind == RecordKind.Deal
            ? db.Deals.Include(d => d.Instalments).SingleAsync(d => d.Id == id, ct)
            : db.Deals.Include(d => d.Instalments).SingleAsync(d => d.Instalments.Any(i => i.Id == id), ct);
}
