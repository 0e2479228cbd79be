using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Patents;

/// <summary>
/// What a patent response needs beyond the aggregate: owner names and types (for the sleeping rule), read in one
/// query for a whole page of patents.
/// </summary>
public sealed class PatentFacts(MarketplaceDb db, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public DateOnly Today => BusinessCalendar.Today(clock);

    /// <summary>The one entry point to the sleeping-patent rule for search, matching and the listing views: the
    /// managing holder's kind is the fact the patent does not carry (the catalog filters on the rule's stored
    /// answer, <see cref="Data.Configurations.PatentConfiguration.SleepsUntil"/>).</summary>
    public bool IsSleeping(Patent patent, OrganizationType managerType, DateOnly today) =>
        SleepingPatentRule.IsSleeping(patent, today, IsResearchBody(managerType));

    /// <summary>Universities and research institutes register as <see cref="OrganizationType.University"/> (高校/科研院所).</summary>
    public static bool IsResearchBody(OrganizationType type) => type == OrganizationType.University;

    public Task<IReadOnlyList<PatentResponse>> DescribeAsync(IReadOnlyList<Patent> patents, CancellationToken ct) => DescribeAsync(patents, null, ct);

    /// <param name="known">Owners the caller already read (the listing's organisation on its detail page): only the
    /// others are asked for, so a patent with one owner costs no query.</param>
    public async Task<IReadOnlyList<PatentResponse>> DescribeAsync(IReadOnlyList<Patent> patents, OwnerName? known, CancellationToken ct)
    {
        var ids = patents.SelectMany(p => p.Owners.Select(o => o.OrganizationId)).Where(id => id != known?.Id).Distinct().ToList();
        var owners = ids.Count == 0 ? [] : await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new OwnerName(o.Id, o.NameZh, o.NameEn, o.Type)).ToDictionaryAsync(o => o.Id, ct);
        if (known is not null) owners[known.Id] = known;
        var today = Today;
        return patents.Select(p =>
        {
            var sleeping = owners.TryGetValue(p.OwnerOrganizationId, out var manager) && IsSleeping(p, manager.Type, today);
            var remaining = p.Remaining(today);
            return new PatentResponse(
                p.Id, p.ApplicationNumber, p.Type, p.PublicationNumber, p.TitleZh, p.TitleEn, p.AbstractZh, p.AbstractEn,
                p.IpcCodes, p.MainIpc, p.Inventors,
                p.Owners.Select(o => owners.TryGetValue(o.OrganizationId, out var org)
                    ? new OwnerResponse(o.OrganizationId, org.NameZh, org.NameEn, o.SharePercent, o.ConsentToList)
                    : new OwnerResponse(o.OrganizationId, "?", null, o.SharePercent, o.ConsentToList)).ToList(),
                p.FilingDate, p.GrantDate, p.LegalStatus, p.LapseReason, p.FeesPaidThrough, p.TermEnd,
                new RemainingTermResponse(remaining.Years, remaining.Months, remaining.Days, remaining.Expired),
                p.IsInForce(today), sleeping, p.WhyNotListable(today) is { } why ? t.Say(why) : null, p.OwnerOrganizationId, p.Version,
                p.LocarnoClass, p.RecordedEvents, p.PledgeRecorded, p.Gaps, p.AwakenedOn);
        }).ToList();
    }

    public async Task<PatentResponse> DescribeAsync(Patent patent, CancellationToken ct) => (await DescribeAsync([patent], ct))[0];

    public async Task<PatentResponse> DescribeAsync(Patent patent, OwnerName known, CancellationToken ct) => (await DescribeAsync([patent], known, ct))[0];
}

/// <summary>An owner's names and kind, as a patent response shows them.</summary>
public sealed record OwnerName(Guid Id, string NameZh, string? NameEn, OrganizationType Type);
