using System.Security.Claims;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;
using Marketplace.Domain.Pledges;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Inquiries;
using Marketplace.Web.Features.Listings;
using Marketplace.Web.Features.Needs;
using Marketplace.Web.Features.Pledges;
using Marketplace.Web.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Web.Features.Home;

/// <summary>What the park's market looks like to anyone: new and sleeping patents, the next session, the plan's figures.</summary>
public sealed record PublicHome(IReadOnlyList<ListingResponse> Recent, IReadOnlyList<ListingResponse> Sleeping, MatchmakingSession? NextSession,
    IReadOnlyList<Progress> Progress);

/// <summary>An office's work: listings waiting for its changes or still drafts, rooms with enterprises, needs its patents fit.</summary>
public sealed record OfficeHome(IReadOnlyList<ListingResponse> ToChange, int InReview, IReadOnlyList<InquiryResponse> OpenRooms,
    IReadOnlyList<MatchResponse> Matches);

public sealed record EnterpriseHome(IReadOnlyList<MatchResponse> Matches, IReadOnlyList<InquiryResponse> OpenRooms, int OpenNeeds);

/// <summary>A bank's queue: what waits for this user's role.</summary>
public sealed record BankHome(IReadOnlyList<PledgeRow> Waiting, int Total, IReadOnlyList<WatchlistRow> Watchlist);

public sealed record ParkHome(int ListingsToReview, int NeedsToReview, int OrganizationsToVerify, int RegistrationsToDecide, IReadOnlyList<Progress> Progress);

/// <summary>Reads the home page of each role: the answer to "what should I do now".</summary>
public sealed class HomeReader(MarketplaceDb db, CatalogQuery catalog, MatchReader matches, InquiryService inquiries, InquiryReader rooms,
    PledgeReader pledges, Watchlist watchlist, TargetsReader targets, IMemoryCache cache, CatalogTotals totals)
{
    /// <summary>How long the public market (the same for every visitor) is kept; a listing change drops it sooner.</summary>
    public static readonly TimeSpan MarketLifetime = TimeSpan.FromSeconds(10);

    private const int Few = 5;

    /// <summary>The resource key of a plan figure's title, as the dashboard names it.</summary>
    public static string ProgressTitle(string key) => key switch
    {
        "contracted" => "Contracted licence, equity and transfer",
        "received" => "Received",
        "disbursed" => "Disbursed pledge financing",
        _ => "Matchmaking sessions held",
    };

    /// <summary>The market every visitor without a role sees, read once and kept: the home page is the most visited
    /// page, and its five reads (two catalog pages, the next session, the plan's figures) are the same for all.</summary>
    public async Task<PublicHome> PublicAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        if (cache.TryGetValue(nameof(PublicHome), out PublicHome? kept)) return kept!;
        var changed = totals.Changed();
        var market = await ReadPublicAsync(caller, ct);
        using var entry = cache.CreateEntry(nameof(PublicHome));
        entry.Value = market;
        entry.AbsoluteExpirationRelativeToNow = MarketLifetime;
        entry.AddExpirationToken(changed);
        return market;
    }

    private async Task<PublicHome> ReadPublicAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var recent = await catalog.RunAsync(caller, new CatalogFilter { PageSize = Few }, ct);
        var sleeping = await catalog.RunAsync(caller, new CatalogFilter { Sleeping = true, PageSize = Few }, ct);
        var next = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Open || s.Status == SessionStatus.Live)
            .OrderBy(s => s.StartsAt).FirstOrDefaultAsync(ct);
        var figures = await targets.ReadAsync(null, detail: false, ct);
        return new PublicHome(recent.Items, sleeping.Items, next, figures.Progress);
    }

    public async Task<OfficeHome> OfficeAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var rework = await catalog.RunAsync(caller, new CatalogFilter { Mine = true, Status = ListingStatus.Rework, PageSize = Few }, ct);
        var drafts = await catalog.RunAsync(caller, new CatalogFilter { Mine = true, Status = ListingStatus.Draft, PageSize = Few }, ct);
        var inReview = await catalog.RunAsync(caller, new CatalogFilter { Mine = true, Status = ListingStatus.PendingReview, PageSize = 1 }, ct);
        return new OfficeHome([.. rework.Items, .. drafts.Items], inReview.Total, await OpenRoomsAsync(caller, ct),
            await matches.RecommendedAsync(caller, Few, ct));
    }

    public async Task<EnterpriseHome> EnterpriseAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        var openNeeds = await db.Needs.CountAsync(n => n.OrganizationId == organizationId && n.Status == NeedStatus.Open, ct);
        return new EnterpriseHome(await matches.RecommendedAsync(caller, Few, ct), await OpenRoomsAsync(caller, ct), openNeeds);
    }

    /// <summary>Officers take new applications and answer returned information; approvers decide recommendations.</summary>
    public async Task<BankHome> BankAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        PledgeStatus[] states = caller.IsInRole(Roles.BankApprover) && !caller.IsInRole(Roles.BankOfficer)
            ? [PledgeStatus.Recommended]
            : [PledgeStatus.Submitted, PledgeStatus.UnderReview];
        var rows = new List<PledgeRow>();
        var total = 0;
        foreach (var state in states)
        {
            var page = await pledges.ListAsync(caller, new PledgeFilter { State = state }, ct);
            rows.AddRange(page.Items);
            total += page.Total;
        }
        return new BankHome(rows.Take(10).ToList(), total, await watchlist.OpenAsync(caller, 10, ct));
    }

    public async Task<ParkHome> ParkAsync(CancellationToken ct) => new(
        await db.Listings.CountAsync(l => l.Status == ListingStatus.PendingReview, ct),
        await db.Needs.CountAsync(n => n.Status == NeedStatus.PendingReview, ct),
        await db.Organizations.CountAsync(o => !o.IsVerified, ct),
        await db.SessionRegistrations.CountAsync(r => r.Status == RegistrationStatus.Pending, ct),
        (await targets.ReadAsync(null, detail: false, ct)).Progress);

    private async Task<IReadOnlyList<InquiryResponse>> OpenRoomsAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var open = (await inquiries.ListReadableAsync(caller, ct)).Where(i => i.Status == InquiryStatus.Open).Take(Few).ToList();
        return await rooms.DescribeAsync(open, ct);
    }
}
