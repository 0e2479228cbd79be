using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Accounts;
using Marketplace.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Deals;

/// <summary>
/// A deal's lifecycle. Each step loads the deal with its schedule and moves it through the domain; what follows
/// from the step (the audit row, the park's totals, the patent changing hands, the seller's listings closing, the
/// parties' notices) are the handlers of the events the deal raises, committed with the step (see DealsFeature).
/// </summary>
public sealed class DealService(MarketplaceDb db, TimeProvider clock, Listings.IPledgeRegistry pledges)
{
    public const string AuditEntity = DealAudit.DealEntity;

    private DateOnly Today => BusinessCalendar.Today(clock);

    public Task<Deal> SignAsync(ClaimsPrincipal caller, Guid id, SignRequest request, CancellationToken ct) =>
        StepAsync(caller, id, request.Version, async deal =>
        {
            deal.EnsurePledgeAllows(await pledges.GetAsync(deal.PatentId, ct));
            // One contract, one deal (a unique index settles a race between two deals claiming the same number).
            var number = Deal.NormalizedRegistrationNumber(request.RegistrationNumber);
            if (number.Length > 0 && await db.Deals.AnyAsync(d => d.Id != deal.Id && d.RegistrationNumber == number && d.Status != DealStatus.Cancelled, ct))
                throw new DomainRuleException("registrationNumber", "This technology-contract registration number belongs to another deal.", isConflict: true);
            var others = await db.Deals.AsNoTracking().Where(d => d.PatentId == deal.PatentId && d.Id != deal.Id).ToListAsync(ct);
            deal.ConfirmSignature(caller.OrganizationId()!.Value, request.ContractDate!.Value, request.RegistrationNumber, others, Today, clock.GetUtcNow());
        }, ct);

    /// <summary>The CNIPA record. A recorded transfer or equity contribution moves the patent to the buyer, and the
    /// seller's listings of it close (handlers of <see cref="DealRecorded"/> in the Patents and Listings features).</summary>
    public Task<Deal> RecordAsync(ClaimsPrincipal caller, Guid id, RecordRequest request, CancellationToken ct) =>
        StepAsync(caller, id, request.Version, async deal =>
        {
            deal.EnsurePledgeAllows(await pledges.GetAsync(deal.PatentId, ct));
            deal.Record(request.RecordNumber, request.RecordDate!.Value, Today, clock.GetUtcNow());
        }, ct);

    public Task<Deal> CompleteAsync(ClaimsPrincipal caller, Guid id, uint? version, CancellationToken ct) =>
        StepAsync(caller, id, version, deal => { deal.Complete(clock.GetUtcNow()); return Task.CompletedTask; }, ct);

    public Task<Deal> CancelAsync(ClaimsPrincipal caller, Guid id, CancelRequest request, CancellationToken ct) =>
        StepAsync(caller, id, request.Version, deal => { deal.Cancel(request.Reason, clock.GetUtcNow()); return Task.CompletedTask; }, ct);

    /// <summary>
    /// A party sets a draft's schedule; the park office records the schedule of a deal made off the platform. A signed
    /// deal's schedule changes only by agreement (<see cref="ProposeScheduleAsync"/>, then the other party accepts).
    /// </summary>
    public Task<Deal> ScheduleAsync(ClaimsPrincipal caller, Guid id, ScheduleRequest request, CancellationToken ct) =>
        StepAsync(caller, id, request.Version, deal =>
        {
            var now = clock.GetUtcNow();
            if (caller.OrganizationId() is { } party && deal.IsParty(party))
            {
                if (deal.Status == DealStatus.Signed)
                    throw new DomainRuleException("status", "A signed deal's schedule changes by agreement: propose it, and the other party accepts.", isConflict: true);
                deal.SetDraftSchedule(party, request.Instalments!, now);
            }
            else if (deal.Origin == DealOrigin.OffPlatform) deal.SetSchedule(request.Instalments!, now);
            else throw new ForbiddenActionException("organizationId", "The parties agree on a platform deal's schedule; the park office records only off-platform ones.");
            return Task.CompletedTask;
        }, ct);

    public Task<Deal> ProposeScheduleAsync(ClaimsPrincipal caller, Guid id, ScheduleRequest request, CancellationToken ct) =>
        StepAsync(caller, id, request.Version, deal => Done(() => deal.ProposeSchedule(Party(caller), request.Instalments!, clock.GetUtcNow())), ct);

    public Task<Deal> AnswerScheduleAsync(ClaimsPrincipal caller, Guid id, ScheduleAnswer answer, uint? version, CancellationToken ct) =>
        StepAsync(caller, id, version, deal => Done(() =>
        {
            var (party, now) = (Party(caller), clock.GetUtcNow());
            if (answer == ScheduleAnswer.Accepted) deal.AcceptSchedule(party, now);
            else if (answer == ScheduleAnswer.Rejected) deal.RejectSchedule(party, now);
            else deal.WithdrawSchedule(party, now);
        }), ct);

    private static Guid Party(ClaimsPrincipal caller) => caller.OrganizationId() ?? Guid.Empty;

    private static Task Done(Action step)
    {
        step();
        return Task.CompletedTask;
    }

    /// <summary>A deal concluded without the platform, entered by the park office (for the zone's complete figures).</summary>
    public async Task<Deal> RecordOffPlatformAsync(OffPlatformDealRequest request, CancellationToken ct)
    {
        var patent = await db.Patents.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PatentId, ct)
                     ?? throw new DomainRuleException("patentId", "No such patent on the platform.");
        if (patent.OwnerOrganizationId != request.SellerOrganizationId)
            throw new DomainRuleException("sellerOrganizationId", "The seller must be the organisation that manages the patent.");
        if (!await db.Organizations.AnyAsync(o => o.Id == request.BuyerOrganizationId && o.Type != OrganizationType.ParkOffice, ct))
            throw new DomainRuleException("buyerOrganizationId", "No such organisation.");
        var deal = Deal.RecordOffPlatform(request.Terms!, request.SellerOrganizationId!.Value, request.BuyerOrganizationId!.Value, patent.Id, clock.GetUtcNow());
        db.Deals.Add(deal);
        await db.SaveChangesAsync(ct);
        return deal;
    }

    /// <summary>Parties see their deals, the park office all; anyone else is told it does not exist.</summary>
    public IQueryable<Deal> Readable(ClaimsPrincipal caller)
    {
        var organizationId = caller.OrganizationId();
        var admin = caller.IsInRole(Roles.ParkAdmin);
        return db.Deals.AsNoTracking().Include(d => d.Instalments)
            .Where(d => admin || d.SellerOrganizationId == organizationId || d.BuyerOrganizationId == organizationId);
    }

    public async Task<Deal> FindReadableAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) =>
        await Readable(caller).SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("Deal");

    /// <summary>
    /// One step for a party (or the park office, which may act for the parties on recording, completing and
    /// cancelling — it registers deals made outside the platform).
    /// </summary>
    private async Task<Deal> StepAsync(ClaimsPrincipal caller, Guid id, uint? version, Func<Deal, Task> move, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        var admin = caller.IsInRole(Roles.ParkAdmin);
        var deal = await db.Deals.Include(d => d.Instalments)
                       .SingleOrDefaultAsync(d => d.Id == id && (admin || d.SellerOrganizationId == organizationId || d.BuyerOrganizationId == organizationId), ct)
                   ?? throw new NotFoundException("Deal");
        Concurrency.ExpectVersion(deal.Version, version);
        await move(deal);
        await db.SaveChangesAsync(ct);
        return deal;
    }
}
