using Marketplace.Domain.Deals;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Deals;

/// <summary>Deal responses with the parties' and the patent's names.</summary>
public sealed class DealReader(MarketplaceDb db)
{
    public async Task<DealResponse> DescribeAsync(Deal deal, CancellationToken ct) => (await DescribeAsync([deal], ct))[0];

    public async Task<IReadOnlyList<DealResponse>> DescribeAsync(IReadOnlyList<Deal> deals, CancellationToken ct)
    {
        var orgIds = deals.SelectMany(d => new[] { d.SellerOrganizationId, d.BuyerOrganizationId }).Distinct().ToList();
        var patentIds = deals.Select(d => d.PatentId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NameZh, ct);
        var patents = await db.Patents.AsNoTracking().Where(p => patentIds.Contains(p.Id))
            .Select(p => new { p.Id, p.TitleZh, p.ApplicationNumber }).ToDictionaryAsync(p => p.Id, ct);
        return deals.Select(d => new DealResponse(
            d.Id, d.Status, d.Category, d.Terms, d.ContractAmount, d.Received, d.SellerOrganizationId, names[d.SellerOrganizationId],
            d.BuyerOrganizationId, names[d.BuyerOrganizationId], d.PatentId, patents[d.PatentId].TitleZh, patents[d.PatentId].ApplicationNumber,
            d.Origin, d.InquiryId, d.SessionId, d.ContractDate, d.RegistrationNumber, d.SellerConfirmed, d.BuyerConfirmed, d.RecordNumber,
            d.RecordDate, d.CancellationReason, d.Instalments.OrderBy(i => i.Number).Select(DealMapper.ToResponse).ToList(),
            d.ProposedSchedule is { } plans ? new ScheduleProposalResponse(d.ScheduleProposedBy!.Value, d.ScheduleProposedAt!.Value, plans) : null,
            d.CreatedAt, d.UpdatedAt, d.Version)).ToList();
    }

    /// <summary>The deal's steps and its payments' events, oldest first, from the audit log.</summary>
    public async Task<List<Audit.StatusChange>> TimelineAsync(Deal deal, CancellationToken ct)
    {
        var keys = deal.Instalments.Select(i => i.Id.ToString()).Append(deal.Id.ToString()).ToList();
        return await Audit.AuditQuery.Changes(db, db.AuditEntries.AsNoTracking()
            .Where(a => (a.Entity == DealService.AuditEntity || a.Entity == Payments.PaymentService.AuditEntity) && keys.Contains(a.EntityId)))
            .ToListAsync(ct);
    }

}
