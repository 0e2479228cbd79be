using System.Security.Claims;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Pledges;

/// <summary>One open watchlist entry as a bank's officer reads it: the loan, the patent at risk and why.</summary>
public sealed record WatchlistRow(
    Guid Id, Guid PledgeApplicationId, PledgeStatus LoanStatus, string ApplicantNameZh, decimal RequestedAmount, decimal DisbursedAmount,
    Guid PatentId, string ApplicationNumber, string PatentTitleZh, WatchReason Reason, string Detail, DateOnly Since, DateTimeOffset AddedAt);

/// <summary>A bank's watchlist: its staff see their bank's open entries, the park office every bank's; nobody else any.</summary>
public sealed class Watchlist(MarketplaceDb db)
{
    public async Task<IReadOnlyList<WatchlistRow>> OpenAsync(ClaimsPrincipal caller, int limit, CancellationToken ct)
    {
        var entries = db.WatchlistEntries.AsNoTracking().Where(e => e.ResolvedOn == null);
        if (PledgeAccess.IsBankStaff(caller))
        {
            var bankId = caller.OrganizationId();
            entries = entries.Where(e => e.BankOrganizationId == bankId);
        }
        else if (!caller.IsInRole(Roles.ParkAdmin)) return [];
        return await (from e in entries
                      join a in db.PledgeApplications on e.PledgeApplicationId equals a.Id
                      join p in db.Patents on e.PatentId equals p.Id
                      join o in db.Organizations on a.ApplicantOrganizationId equals o.Id
                      orderby e.Since descending, e.AddedAt descending
                      select new WatchlistRow(e.Id, a.Id, a.Status, o.NameZh, a.RequestedAmount, a.DisbursedAmount,
                          p.Id, p.ApplicationNumber, p.TitleZh, e.Reason, e.Detail, e.Since, e.AddedAt))
            .Take(limit).ToListAsync(ct);
    }
}
