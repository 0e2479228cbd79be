using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Features.Patents;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Listings;

/// <summary>
/// Listings through their lifecycle. The offering office drafts, edits, submits and withdraws; the park office
/// approves, rejects or sends back for rework. Each transition is written with its audit row in one SaveChanges.
/// </summary>
public sealed class ListingService(MarketplaceDb db, AuditLog audit, TimeProvider clock, PatentService patents, IPledgeRegistry pledges)
{
    public const string AuditEntity = "Listing";

    public async Task<Listing> CreateAsync(ClaimsPrincipal caller, ListingRequest request, CancellationToken ct)
    {
        var patent = await patents.FindManagedAsync(caller, request.PatentId!.Value, ct);
        var now = clock.GetUtcNow();
        var listing = Listing.Create(patent, patent.OwnerOrganizationId, request.Terms!, request.Description,
            await pledges.GetAsync(patent.Id, ct), BusinessCalendar.ChinaDate(now), now);
        db.Listings.Add(listing);
        audit.Record(AuditEntity, listing.Id, "Created", null, listing.Status.ToString());
        await db.SaveChangesAsync(ct);
        return listing;
    }

    public async Task<Listing> UpdateAsync(ClaimsPrincipal caller, Guid id, UpdateListingRequest request, CancellationToken ct)
    {
        var listing = await FindOwnAsync(caller, id, request.Version, ct);
        var patent = await db.Patents.SingleAsync(p => p.Id == listing.PatentId, ct);
        var before = listing.Status.ToString();
        var now = clock.GetUtcNow();
        listing.UpdateTerms(patent, request.Terms!, request.Description, await pledges.GetAsync(patent.Id, ct), BusinessCalendar.ChinaDate(now), now);
        audit.Record(AuditEntity, listing.Id, "TermsUpdated", before, listing.Status.ToString());
        await db.SaveChangesAsync(ct);
        return listing;
    }

    public Task<Listing> SubmitAsync(ClaimsPrincipal caller, Guid id, uint? version, CancellationToken ct) =>
        OwnTransitionAsync(caller, id, version, "Submitted", (l, now) => l.Submit(now), ct);

    public Task<Listing> WithdrawAsync(ClaimsPrincipal caller, Guid id, uint? version, CancellationToken ct) =>
        OwnTransitionAsync(caller, id, version, "Withdrawn", (l, now) => l.Withdraw(now), ct);

    /// <summary>The patent is checked again: it may have lapsed while the listing waited for review.</summary>
    public async Task<Listing> ApproveAsync(Guid id, uint? version, CancellationToken ct)
    {
        var patentId = await db.Listings.Where(l => l.Id == id).Select(l => (Guid?)l.PatentId).SingleOrDefaultAsync(ct);
        if (patentId is { } pid && (await db.Patents.AsNoTracking().SingleAsync(p => p.Id == pid, ct)).WhyNotListable(BusinessCalendar.Today(clock)) is { } why)
            throw new DomainRuleException("patentId", why, isConflict: true);
        return await ModerateAsync(id, version, "Approved", null, (l, now) => l.Approve(now), ct);
    }

    public Task<Listing> RejectAsync(Guid id, ModerationRequest request, CancellationToken ct) =>
        ModerateAsync(id, request.Version, "Rejected", request.Reason, (l, now) => l.Reject(request.Reason ?? "", now), ct);

    public Task<Listing> ReworkAsync(Guid id, ModerationRequest request, CancellationToken ct) =>
        ModerateAsync(id, request.Version, "ReworkRequested", request.Reason, (l, now) => l.RequestRework(request.Reason ?? "", now), ct);

    /// <summary>The offering office sees its listings in every state, the park office all, others published ones
    /// only — the one visibility rule, in <see cref="ListingReader.VisibleDetail"/>.</summary>
    public async Task<Listing> FindVisibleAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) =>
        (await ListingReader.FindDetailAsync(db, id, caller.OrganizationId() ?? Guid.Empty, caller.IsInRole(Roles.ParkAdmin), ct))?.Listing
        ?? throw new NotFoundException("Listing");

    private async Task<Listing> OwnTransitionAsync(ClaimsPrincipal caller, Guid id, uint? version, string action,
        Action<Listing, DateTimeOffset> move, CancellationToken ct)
    {
        var listing = await FindOwnAsync(caller, id, version, ct);
        return await ApplyAsync(listing, action, null, move, ct);
    }

    private async Task<Listing> ModerateAsync(Guid id, uint? version, string action, string? comment,
        Action<Listing, DateTimeOffset> move, CancellationToken ct)
    {
        var listing = await db.Listings.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Listing");
        Concurrency.ExpectVersion(listing.Version, version);
        return await ApplyAsync(listing, action, comment, move, ct);
    }

    private async Task<Listing> ApplyAsync(Listing listing, string action, string? comment, Action<Listing, DateTimeOffset> move, CancellationToken ct)
    {
        var before = listing.Status.ToString();
        move(listing, clock.GetUtcNow());
        audit.Record(AuditEntity, listing.Id, action, before, listing.Status.ToString(), comment);
        await db.SaveChangesAsync(ct);
        return listing;
    }

    /// <summary>One of the caller's organisation's listings (404 for anyone else's).</summary>
    public async Task<Listing> FindOwnAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        return await db.Listings.SingleOrDefaultAsync(l => l.Id == id && l.OrganizationId == organizationId, ct)
               ?? throw new NotFoundException("Listing");
    }

    private async Task<Listing> FindOwnAsync(ClaimsPrincipal caller, Guid id, uint? version, CancellationToken ct)
    {
        var listing = await FindOwnAsync(caller, id, ct);
        Concurrency.ExpectVersion(listing.Version, version);
        return listing;
    }
}
