using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Audit;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>
/// Negotiation rooms and their offers. Every offer move loads the room with its offers, changes it through the
/// domain, and saves it with its audit rows under the room's xmin: of two simultaneous accepts one commits and
/// the other gets 409. An accepted offer becomes a draft deal in the same transaction.
/// </summary>
public sealed class InquiryService(MarketplaceDb db, AuditLog audit, TimeProvider clock, InquiryNotices notices)
{
    public const string AuditEntity = "Inquiry";

    public async Task<Inquiry> OpenAsync(ClaimsPrincipal caller, OpenInquiryRequest request, CancellationToken ct)
    {
        var listing = await PublishedListingAsync(request.ListingId!.Value, ct);
        var enterprise = caller.OrganizationId() ?? throw new ForbiddenActionException("organizationId", "Sign in as an enterprise to ask about a listing.");
        var need = await OwnNeedAsync(enterprise, request.NeedId, ct);
        var session = await PitchedInSessionAsync(listing.Id, request.SessionId, ct);
        var title = await db.Patents.Where(p => p.Id == listing.PatentId).Select(p => p.TitleZh).SingleAsync(ct);
        var inquiry = Inquiry.Open(listing.Id, listing.PatentId, listing.OrganizationId, enterprise,
            string.IsNullOrWhiteSpace(request.Subject) ? title.Length > 200 ? title[..200] : title : request.Subject, need, session, clock.GetUtcNow());
        db.Inquiries.Add(inquiry);
        audit.Record(AuditEntity, inquiry.Id, "Opened", null, inquiry.Status.ToString());
        if (!string.IsNullOrWhiteSpace(request.Message))
            db.InquiryMessages.Add(MessageService.NewMessage(caller, inquiry.Id, request.Message, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await notices.OpenedAsync(inquiry);
        return inquiry;
    }

    /// <summary>An open licence on its published terms: a room, the owner's offer of those terms, accepted at once, and the deal.</summary>
    public async Task<(Inquiry Inquiry, Offer Offer, Deal Deal)> TakeOpenLicenceAsync(ClaimsPrincipal caller, OpenLicenceRequest request, CancellationToken ct)
    {
        var listing = await PublishedListingAsync(request.ListingId!.Value, ct);
        var published = listing.Terms.OpenLicence
                        ?? throw new DomainRuleException("listingId", "This listing does not offer an open licence.", isConflict: true);
        var enterprise = caller.OrganizationId() ?? throw new ForbiddenActionException("organizationId", "Sign in as an enterprise to ask about a listing.");
        var need = await OwnNeedAsync(enterprise, request.NeedId, ct);
        var now = clock.GetUtcNow();
        var inquiry = Inquiry.Open(listing.Id, listing.PatentId, listing.OrganizationId, enterprise, "开放许可 / Open licence", need, null, now);
        db.Inquiries.Add(inquiry);
        var offer = inquiry.AcceptPublishedTerms(OfferTerms.ForOpenLicence(published, request.TermMonths!.Value), caller.UserId(), now);
        audit.Record(AuditEntity, inquiry.Id, "OpenLicenceTaken", null, inquiry.Status.ToString(), $"#{offer.Number}");
        var deal = MakeDeal(inquiry, offer);
        await db.SaveChangesAsync(ct);
        await notices.OfferAsync(inquiry, offer, caller);
        return (inquiry, offer, deal);
    }

    public async Task<Offer> ProposeAsync(ClaimsPrincipal caller, Guid inquiryId, OfferRequest request, CancellationToken ct)
    {
        var inquiry = await FindForPartyAsync(caller, inquiryId, request.Version, ct);
        var offer = inquiry.Propose(caller.OrganizationId()!.Value, caller.UserId(), request.Terms!, request.Note, clock.GetUtcNow());
        return await SaveOfferAsync(caller, inquiry, offer, "OfferProposed", null, ct);
    }

    public async Task<Offer> CounterAsync(ClaimsPrincipal caller, Guid offerId, OfferRequest request, CancellationToken ct)
    {
        var inquiry = await FindByOfferAsync(caller, offerId, request.Version, ct);
        var offer = inquiry.Counter(offerId, caller.OrganizationId()!.Value, caller.UserId(), request.Terms!, request.Note, clock.GetUtcNow());
        return await SaveOfferAsync(caller, inquiry, offer, "OfferCountered", null, ct);
    }

    public async Task<(Offer Offer, Deal Deal, Inquiry Inquiry)> AcceptAsync(ClaimsPrincipal caller, Guid offerId, uint? version, CancellationToken ct)
    {
        var inquiry = await FindByOfferAsync(caller, offerId, version, ct);
        var before = inquiry.Status.ToString();
        var offer = inquiry.Accept(offerId, caller.OrganizationId()!.Value, caller.UserId(), clock.GetUtcNow());
        audit.Record(AuditEntity, inquiry.Id, "OfferAccepted", before, inquiry.Status.ToString(), $"#{offer.Number}");
        var deal = MakeDeal(inquiry, offer);
        await db.SaveChangesAsync(ct);
        await notices.OfferAsync(inquiry, offer, caller);
        return (offer, deal, inquiry);
    }

    public async Task<Offer> RejectAsync(ClaimsPrincipal caller, Guid offerId, uint? version, CancellationToken ct)
    {
        var inquiry = await FindByOfferAsync(caller, offerId, version, ct);
        var offer = inquiry.Reject(offerId, caller.OrganizationId()!.Value, caller.UserId(), clock.GetUtcNow());
        return await SaveOfferAsync(caller, inquiry, offer, "OfferRejected", null, ct);
    }

    public async Task<Offer> WithdrawAsync(ClaimsPrincipal caller, Guid offerId, uint? version, CancellationToken ct)
    {
        var inquiry = await FindByOfferAsync(caller, offerId, version, ct);
        var offer = inquiry.Withdraw(offerId, caller.OrganizationId()!.Value, caller.UserId(), clock.GetUtcNow());
        return await SaveOfferAsync(caller, inquiry, offer, "OfferWithdrawn", null, ct);
    }

    public async Task<Inquiry> CloseAsync(ClaimsPrincipal caller, Guid inquiryId, uint? version, CancellationToken ct)
    {
        var inquiry = await FindForPartyAsync(caller, inquiryId, version, ct);
        var before = inquiry.Status.ToString();
        inquiry.Close(caller.OrganizationId()!.Value, caller.UserId(), clock.GetUtcNow());
        audit.Record(AuditEntity, inquiry.Id, "Closed", before, inquiry.Status.ToString());
        await db.SaveChangesAsync(ct);
        return inquiry;
    }

    /// <summary>The parties and the park office may read a room; anyone else is told it does not exist.</summary>
    public async Task<Inquiry> FindReadableAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) =>
        await Readable(caller).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Inquiry");

    public Task<List<Inquiry>> ListReadableAsync(ClaimsPrincipal caller, CancellationToken ct) =>
        Readable(caller).OrderByDescending(i => i.UpdatedAt).Take(200).ToListAsync(ct);

    private IQueryable<Inquiry> Readable(ClaimsPrincipal caller)
    {
        var organizationId = caller.OrganizationId();
        var admin = caller.IsInRole(Roles.ParkAdmin);
        return db.Inquiries.AsNoTracking().Include(i => i.Offers)
            .Where(i => admin || i.OwnerOrganizationId == organizationId || i.EnterpriseOrganizationId == organizationId);
    }

    private async Task<Offer> SaveOfferAsync(ClaimsPrincipal caller, Inquiry inquiry, Offer offer, string action, string? comment, CancellationToken ct)
    {
        audit.Record(AuditEntity, inquiry.Id, action, null, offer.Status.ToString(), comment ?? $"#{offer.Number}");
        await db.SaveChangesAsync(ct);
        await notices.OfferAsync(inquiry, offer, caller);
        return offer;
    }

    /// <summary>The deal's audit row and the need it satisfies follow from its <see cref="DealCreated"/> event.</summary>
    private Deal MakeDeal(Inquiry inquiry, Offer offer)
    {
        var deal = Deal.FromAcceptedOffer(inquiry, offer, clock.GetUtcNow());
        db.Deals.Add(deal);
        return deal;
    }

    private async Task<Listing> PublishedListingAsync(Guid listingId, CancellationToken ct) =>
        await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId && l.Status == ListingStatus.Published, ct)
        ?? throw new NotFoundException("Listing");

    /// <summary>A need named on an inquiry must be the enterprise's own.</summary>
    private async Task<Guid?> OwnNeedAsync(Guid enterprise, Guid? needId, CancellationToken ct)
    {
        if (needId is not { } id) return null;
        return await db.Needs.AnyAsync(n => n.Id == id && n.OrganizationId == enterprise, ct)
            ? id : throw new DomainRuleException("needId", "This need is not one of your organisation's needs.");
    }

    /// <summary>A session named on an inquiry must have had the listing on its agenda.</summary>
    private async Task<Guid?> PitchedInSessionAsync(Guid listingId, Guid? sessionId, CancellationToken ct)
    {
        if (sessionId is not { } id) return null;
        return await db.SessionPitches.AnyAsync(p => p.SessionId == id && p.ListingId == listingId, ct)
            ? id : throw new DomainRuleException("sessionId", "This listing was not pitched in that session.");
    }

    private async Task<Inquiry> FindForPartyAsync(ClaimsPrincipal caller, Guid id, uint? version, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        var inquiry = await db.Inquiries.Include(i => i.Offers)
                          .SingleOrDefaultAsync(i => i.Id == id && (i.OwnerOrganizationId == organizationId || i.EnterpriseOrganizationId == organizationId), ct)
                      ?? throw new NotFoundException("Inquiry");
        Concurrency.ExpectVersion(inquiry.Version, version);
        return inquiry;
    }

    private async Task<Inquiry> FindByOfferAsync(ClaimsPrincipal caller, Guid offerId, uint? version, CancellationToken ct)
    {
        var inquiryId = await db.Set<Offer>().Where(o => o.Id == offerId).Select(o => (Guid?)o.InquiryId).SingleOrDefaultAsync(ct)
                        ?? throw new NotFoundException("Offer");
        return await FindForPartyAsync(caller, inquiryId, version, ct);
    }
}
