using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets.Statistics;

public sealed record FieldDemand(string Industry, string Name, int Needs, int Inquiries);

/// <summary>The market over a period, for the park office. Sleeping listed: listings of patents that were sleeping on
/// the day they were published, judged by the patent's history and the lister's kind (not by who holds it now, which
/// after a transfer is the buyer). Awakened: those then licensed, transferred, contributed (a counted deal) or
/// pledged (a registered pledge) after their listing.</summary>
public sealed record StatisticsResponse(DateOnly From, DateOnly To, int ListingsPublished, int SleepingListed, int SleepingAwakened,
    int NeedsPosted, int NeedsMatched, int Inquiries, int InquiriesToDeal, decimal InquiryConversionPercent, int DealsFromListings,
    double? MedianDaysListingToDeal, IReadOnlyList<FieldDemand> TopFields);

/// <summary>
/// Computed per request from indexed columns of the period's rows: the office opens it a few times a month, so it is
/// not worth keeping as totals, unlike the dashboard's public figures.
/// </summary>
public sealed class MarketStatistics(MarketplaceDb db, TargetGroups groups,
    Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> t)
{
    private static readonly DealStatus[] Counted = [DealStatus.Signed, DealStatus.Recorded, DealStatus.Completed];

    /// <summary>Names (of fields) are in the current language.</summary>
    public async Task<StatisticsResponse> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (Records.RecordsQuery.ChinaMidnightUtc(from), Records.RecordsQuery.ChinaMidnightUtc(to.AddDays(1)));
        var listings = await db.Listings.AsNoTracking().Where(l => l.PublishedAt >= start && l.PublishedAt < end)
            .Select(l => new { l.Id, l.PatentId, l.PublishedAt, l.OrganizationId }).ToListAsync(ct);
        var patentIds = listings.Select(l => l.PatentId).Distinct().ToList();
        var patents = await db.Patents.AsNoTracking().Where(p => patentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var managers = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Type, ct);
        var sleeping = listings.Where(l => patents.TryGetValue(l.PatentId, out var p) && SleepingPatentRule.WasSleepingWhenListed(p,
            BusinessCalendar.ChinaDate(l.PublishedAt!.Value), PatentFacts.IsResearchBody(managers.GetValueOrDefault(l.OrganizationId, OrganizationType.Enterprise))))
            .ToList();
        var sleepingIds = sleeping.Select(l => l.PatentId).Distinct().ToList();
        var dealt = await db.Deals.AsNoTracking().Where(d => sleepingIds.Contains(d.PatentId) && Counted.Contains(d.Status))
            .Select(d => new { d.PatentId, d.ContractDate }).ToListAsync(ct);
        var pledged = await db.PledgeApplications.AsNoTracking().Where(a => a.RegisteredOn != null && a.PatentIds.Any(p => sleepingIds.Contains(p)))
            .Select(a => new { a.PatentIds, a.RegisteredOn }).ToListAsync(ct);
        var awakened = sleeping.Count(l =>
        {
            var listed = BusinessCalendar.ChinaDate(l.PublishedAt!.Value);
            return dealt.Any(d => d.PatentId == l.PatentId && d.ContractDate >= listed)
                   || pledged.Any(a => a.PatentIds.Contains(l.PatentId) && a.RegisteredOn >= listed);
        });

        var needs = await db.Needs.AsNoTracking().Where(n => n.PublishedAt >= start && n.PublishedAt < end).Select(n => new { n.Id, n.Details }).ToListAsync(ct);
        var needIds = needs.Select(n => n.Id).ToList();
        var matched = await db.NeedMatches.AsNoTracking().Where(m => needIds.Contains(m.NeedId)).Select(m => m.NeedId).Distinct().CountAsync(ct);
        var inquiries = await db.Inquiries.AsNoTracking().Where(i => i.CreatedAt >= start && i.CreatedAt < end).Select(i => new { i.Id, i.PatentId }).ToListAsync(ct);
        var inquiryIds = inquiries.Select(i => i.Id).ToList();
        var converted = await db.Deals.AsNoTracking().Where(d => d.InquiryId != null && inquiryIds.Contains(d.InquiryId.Value) && Counted.Contains(d.Status))
            .Select(d => d.InquiryId).Distinct().CountAsync(ct);

        var days = await db.Deals.AsNoTracking().Where(d => Counted.Contains(d.Status) && d.ListingId != null && d.ContractDate >= from && d.ContractDate <= to)
            .Join(db.Listings, d => d.ListingId, l => l.Id, (d, l) => new { d.ContractDate, l.PublishedAt }).ToListAsync(ct);
        var spans = days.Where(x => x.PublishedAt is not null)
            .Select(x => (double)(x.ContractDate!.Value.DayNumber - BusinessCalendar.ChinaDate(x.PublishedAt!.Value).DayNumber)).Order().ToList();

        var inquiryIpc = await db.Patents.AsNoTracking().Where(p => inquiries.Select(i => i.PatentId).Distinct().Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.MainIpc, ct);
        var needFields = needs.Select(n => n.Details.IpcCodes?.FirstOrDefault() is { } ipc ? groups.IndustryOf(ipc) : TargetGroups.OtherIndustry);
        var inquiryFields = inquiries.Select(i => groups.IndustryOf(inquiryIpc.GetValueOrDefault(i.PatentId, "")));
        var top = needFields.Select(f => (f, need: 1)).Concat(inquiryFields.Select(f => (f, need: 0))).GroupBy(x => x.f)
            .Select(g => new FieldDemand(g.Key, groups.NameOf(g.Key, t), g.Sum(x => x.need), g.Count(x => x.need == 0)))
            .OrderByDescending(f => f.Needs + f.Inquiries).ThenBy(f => f.Industry, StringComparer.Ordinal).Take(5).ToList();

        return new StatisticsResponse(from, to, listings.Count, sleeping.Count, awakened, needs.Count, matched, inquiries.Count, converted,
            inquiries.Count == 0 ? 0 : decimal.Round(converted * 100m / inquiries.Count, 1), spans.Count, Median(spans), top);
    }

    private static double? Median(List<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
