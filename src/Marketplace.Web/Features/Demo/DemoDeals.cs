using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Demo;

/// <summary>
/// Deals of 2023–2025 in every mode and state, entered as the park office enters deals made off the platform and
/// taken through the domain's steps (signature by both parties, CNIPA record, bank transfers confirmed), so the
/// totals show a believable record: well short of the 3,000,000 yuan target, as a pilot park's first years are.
/// Each deal is about a patent whose listing was published at least a month before the contract, and each step is
/// dated when it would have happened.
/// </summary>
public static class DemoDeals
{
    private static readonly (int Year, int Month, OfferTerms Terms, string Buyer, DealStatus Stage, decimal PaidShare)[] Plan =
    [
        (2023, 4, Licence(LicenceKind.NonExclusive, 80_000m), "e1", DealStatus.Completed, 1m),
        (2023, 9, new OfferTerms(TradeMode.Transfer, Price: 150_000m), "e3", DealStatus.Completed, 1m),
        (2023, 11, Licence(LicenceKind.Sole, 120_000m), "e2", DealStatus.Recorded, 0.5m),
        (2024, 3, new OfferTerms(TradeMode.OpenLicence, Domain.Listings.LicenceKind.NonExclusive, "中国大陆", 12, 20_000m), "e1", DealStatus.Completed, 1m),
        (2024, 6, Licence(LicenceKind.Exclusive, 260_000m), "e2", DealStatus.Recorded, 0.4m),
        (2024, 8, new OfferTerms(TradeMode.Equity, EquityValuation: 400_000m, EquitySharePercent: 10m), "e3", DealStatus.Recorded, 0m),
        (2024, 10, Licence(LicenceKind.NonExclusive, 60_000m), "e1", DealStatus.Cancelled, 0m),
        (2025, 2, new OfferTerms(TradeMode.Transfer, Price: 220_000m), "e1", DealStatus.Signed, 0.3m),
        (2025, 5, Licence(LicenceKind.NonExclusive, 90_000m), "e3", DealStatus.Signed, 0m),
        (2025, 7, Licence(LicenceKind.Sole, 150_000m), "e2", DealStatus.Draft, 0m),
        (2025, 9, new OfferTerms(TradeMode.OpenLicence, Domain.Listings.LicenceKind.NonExclusive, "中国大陆", 24, 30_000m), "e2", DealStatus.Completed, 1m),
        (2025, 10, new OfferTerms(TradeMode.Equity, EquityValuation: 300_000m, EquitySharePercent: 8m), "e1", DealStatus.Draft, 0m),
    ];

    private static OfferTerms Licence(LicenceKind kind, decimal lumpSum) => new(TradeMode.Licence, kind, "中国大陆", 36, lumpSum, 2m);

    private static DateTimeOffset At(DateOnly day, int hour = 10) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), BusinessCalendar.ChinaOffset).ToUniversalTime();

    public static async Task SeedAsync(MarketplaceDb db, IReadOnlyDictionary<string, Guid> organizations, DateTimeOffset now, CancellationToken ct)
    {
        // Published listings no demo room or session uses: from the end of the catalog by application number.
        var listed = await db.Listings.Where(l => l.Status == ListingStatus.Published)
            .Join(db.Patents, l => l.PatentId, p => p.Id, (l, p) => new { Listing = l, Patent = p })
            .OrderByDescending(x => x.Patent.ApplicationNumber).ToListAsync(ct);
        var used = new HashSet<Guid>();
        var today = BusinessCalendar.ChinaDate(now);
        for (var i = 0; i < Plan.Length; i++)
        {
            var (year, month, terms, buyer, stage, paidShare) = Plan[i];
            var contractDate = new DateOnly(year, month, 10);
            var pick = listed.First(x => !used.Contains(x.Patent.Id) && x.Listing.PublishedAt < At(contractDate).AddMonths(-1)
                                         && x.Patent.Remaining(contractDate).TotalMonths >= 36);
            used.Add(pick.Patent.Id);
            var patent = pick.Patent;
            var entered = At(contractDate.AddDays(-7));
            var deal = Deal.RecordOffPlatform(terms, patent.OwnerOrganizationId, organizations[buyer], patent.Id, entered);
            db.Deals.Add(deal);
            if (stage == DealStatus.Draft) continue;
            var signed = At(contractDate, 16);
            deal.SetSchedule([new(InstalmentKind.Upfront, "首付款", contractDate.AddDays(15), Math.Round(deal.ContractAmount * 0.4m, 2)),
                new(InstalmentKind.Milestone, "备案后付款", contractDate.AddMonths(3), deal.ContractAmount - Math.Round(deal.ContractAmount * 0.4m, 2))], entered);
            var number = $"{year}3710{i + 1:D8}";
            deal.ConfirmSignature(deal.SellerOrganizationId, contractDate, number, [], contractDate, signed);
            deal.ConfirmSignature(deal.BuyerOrganizationId, contractDate, number, [], contractDate, signed);
            if (stage == DealStatus.Cancelled)
            {
                deal.Cancel("被许可方项目取消", signed.AddDays(20));
                continue;
            }
            // The audit rows, the patent waking and changing hands, the seller's listing closing and the totals follow
            // from the deal's events when the seed saves, as for any deal.
            if (stage is DealStatus.Recorded or DealStatus.Completed)
            {
                var recordDate = contractDate.AddMonths(1);
                deal.Record($"CNIPA-{year}-{i + 1:D5}", recordDate, recordDate, At(recordDate));
            }
            foreach (var instalment in deal.Instalments.TakeWhile((_, n) => n < Math.Round(paidShare * deal.Instalments.Count, MidpointRounding.AwayFromZero)).ToList())
            {
                var paid = At(instalment.DueDate > today ? today : instalment.DueDate, 11);
                deal.ReportTransfer(instalment.Id, $"DEMO-{year}-{i + 1}-{instalment.Number}", null, paid);
                deal.ConfirmTransfer(instalment.Id, paid.AddHours(2));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
