using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Pledges;

/// <summary>Builds application responses (patents with today's eligibility, loan-to-value), the queue, and the audit trail.</summary>
public sealed class PledgeReader(MarketplaceDb db, PledgeAccess access, PledgeChecks checks, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<PledgeResponse> DescribeAsync(PledgeApplication a, CancellationToken ct)
    {
        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == a.ApplicantOrganizationId || o.Id == a.BankOrganizationId)
            .ToDictionaryAsync(o => o.Id, o => (o.NameZh, o.NameEn), ct);
        var (eligibility, patents) = await checks.CheckAsync(a.ApplicantOrganizationId, a.BankOrganizationId, a.PatentIds, a.Id, ct);
        var policy = await checks.PolicyAsync(a.BankOrganizationId, ct);
        var ltv = LoanToValue.Assess(a.Patents, policy, a.RequestedAmount, a.Valuation, BusinessCalendar.Today(clock));
        var (applicantZh, applicantEn) = names[a.ApplicantOrganizationId];
        var (bankZh, bankEn) = names[a.BankOrganizationId];
        return new PledgeResponse(a.Id, a.Status, a.ApplicantOrganizationId, applicantZh, applicantEn, a.BankOrganizationId, bankZh, bankEn,
            a.RequestedAmount, a.TermMonths, a.Purpose, checks.Describe(a.Patents, patents, eligibility), a.Valuation, a.Financials, ltv,
            a.InfoQuestion, a.InfoAnswer, a.Recommendation, a.RecommendedByUserId, a.DecidedByUserId, a.DecisionComment,
            a.ApprovedAmount, a.ApprovedOn, a.RegistrationNumber, a.RegisteredOn, a.Disbursements, a.DisbursedAmount, a.PledgeeConsentAt,
            a.CreatedAt, a.UpdatedAt, a.SubmittedAt, a.Version);
    }

    private const int MaxAgeDays = 36_525;

    /// <summary>The caller's queue or list, oldest submission first so nothing waits unseen.</summary>
    public async Task<Paged<PledgeRow>> ListAsync(ClaimsPrincipal caller, PledgeFilter filter, CancellationToken ct)
    {
        var query = access.Visible(caller).AsNoTracking();
        var now = clock.GetUtcNow();
        if (filter.State is { } state) query = query.Where(a => a.Status == state);
        // Ages past a century (int.MaxValue days) would overflow the date; no application has waited that long.
        if (filter.MinAgeDays is { } minAge) query = query.Where(a => a.SubmittedAt <= now.AddDays(-Math.Clamp(minAge, 0, MaxAgeDays)));
        if (filter.MaxAgeDays is { } maxAge) query = query.Where(a => a.SubmittedAt >= now.AddDays(-Math.Clamp(maxAge, 0, MaxAgeDays)));
        if (filter.MinAmount is { } min) query = query.Where(a => a.RequestedAmount >= min);
        if (filter.MaxAmount is { } max) query = query.Where(a => a.RequestedAmount <= max);
        // Past this page, (page - 1) × PageSize would overflow an int; such a page is empty anyway.
        var page = Math.Clamp(filter.Page ?? 1, 1, int.MaxValue / PageSize);
        var (rows, total) = await PageAsync(query, (page - 1) * PageSize, PageSize, ct);
        return new Paged<PledgeRow>(rows, page, PageSize, total);
    }

    /// <summary>What waits in <paramref name="states"/> (a bank's home page): the first <paramref name="take"/>, oldest
    /// submission first, and how many wait in all.</summary>
    public Task<(List<PledgeRow> Rows, int Total)> WaitingAsync(ClaimsPrincipal caller, PledgeStatus[] states, int take, CancellationToken ct) =>
        PageAsync(access.Visible(caller).AsNoTracking().Where(a => states.Contains(a.Status)), 0, take, ct);

    /// <summary>One statement for a page and its total: the count rides along each row as a subquery PostgreSQL runs
    /// once. Only a page past the end, which has no row to carry it, counts again.</summary>
    private async Task<(List<PledgeRow> Rows, int Total)> PageAsync(IQueryable<PledgeApplication> query, int skip, int take, CancellationToken ct)
    {
        var found = await query
            // PostgreSQL sorts nulls (never submitted) last in ascending order: the bank's queue index then yields the
            // first page in order, not a sort of every application of the bank.
            .OrderBy(a => a.SubmittedAt).ThenByDescending(a => a.UpdatedAt)
            .Skip(skip).Take(take)
            .Select(a => new
            {
                Row = new PledgeRow(a.Id, a.Status,
                    db.Organizations.Where(o => o.Id == a.ApplicantOrganizationId).Select(o => o.NameZh).Single(),
                    db.Organizations.Where(o => o.Id == a.BankOrganizationId).Select(o => o.NameZh).Single(),
                    a.RequestedAmount, a.PatentIds.Count, a.SubmittedAt, a.UpdatedAt),
                Total = query.Count(),
            })
            .ToListAsync(ct);
        var total = found.Count > 0 ? found[0].Total : skip == 0 ? 0 : await query.CountAsync(ct);
        return (found.Select(f => f.Row).ToList(), total);
    }

    public Task<List<StatusChange>> HistoryAsync(Guid id, CancellationToken ct) => AuditHistory.HistoryAsync(db, PledgeService.AuditEntity, id, ct);
}
