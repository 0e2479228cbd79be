using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Patents;

/// <summary>Patents as their owners manage them. An office sees and edits only the patents it manages (404
/// otherwise); co-owners may read them and record their consent to listing.</summary>
public sealed class PatentService(MarketplaceDb db, AuditLog audit, TimeProvider clock)
{
    public const string AuditEntity = "Patent";

    public async Task<Patent> CreateAsync(ClaimsPrincipal caller, PatentRequest request, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId() ?? throw new NotFoundException("Organisation");
        var details = ToDetails(request, organizationId, existing: null);
        var patent = Patent.Create(details, organizationId, clock.GetUtcNow());
        if (await db.Patents.AnyAsync(p => p.ApplicationNumber == patent.ApplicationNumber, ct))
            throw new DomainRuleException("applicationNumber", new Text("Patent {0} is already registered on the platform.", patent.ApplicationNumber), isConflict: true);
        await EnsureOwnersExistAsync(details, ct);
        db.Patents.Add(patent);
        audit.Record(AuditEntity, patent.Id, "Registered", null, patent.LegalStatus.ToString());
        await db.SaveChangesAsync(ct);
        return patent;
    }

    public DateOnly Today => BusinessCalendar.Today(clock);

    /// <summary>The registration's checks without saving (a form with an unreadable field still hears the rest).</summary>
    public void Check(ClaimsPrincipal caller, PatentRequest request)
    {
        var organizationId = caller.OrganizationId() ?? throw new NotFoundException("Organisation");
        Patent.Create(ToDetails(request, organizationId, existing: null), organizationId, clock.GetUtcNow());
    }

    public async Task<Patent> UpdateAsync(ClaimsPrincipal caller, Guid id, PatentRequest request, CancellationToken ct)
    {
        var patent = await FindManagedAsync(caller, id, ct);
        var details = ToDetails(request, patent.OwnerOrganizationId, patent);
        Concurrency.ExpectVersion(patent.Version, request.Version);
        await EnsureOwnersExistAsync(details, ct);
        var before = patent.LegalStatus.ToString();
        patent.Update(details, clock.GetUtcNow());
        audit.Record(AuditEntity, patent.Id, "Updated", before, patent.LegalStatus.ToString());
        await db.SaveChangesAsync(ct);
        return patent;
    }

    /// <summary>A co-owner's member records the organisation's consent to the patent being listed.</summary>
    public async Task<Patent> RecordConsentAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        var patent = await db.Patents.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Patent");
        if (patent.Owners.All(o => o.OrganizationId != organizationId)) throw new NotFoundException("Patent");
        patent.RecordConsent(organizationId!.Value, clock.GetUtcNow());
        audit.Record(AuditEntity, patent.Id, "ConsentRecorded", null, null, organizationId.ToString());
        await db.SaveChangesAsync(ct);
        return patent;
    }

    public async Task<Patent> FindManagedAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        return await db.Patents.SingleOrDefaultAsync(p => p.Id == id && p.OwnerOrganizationId == organizationId, ct)
               ?? throw new NotFoundException("Patent");
    }

    /// <summary>Readable by its owners, the park office, and anyone once it has a published (or suspended) listing.</summary>
    public async Task<Patent> FindVisibleAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct)
    {
        var patent = await db.Patents.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Patent");
        var organizationId = caller.OrganizationId();
        if (caller.IsInRole(Roles.ParkAdmin) || patent.Owners.Any(o => o.OrganizationId == organizationId)) return patent;
        if (await db.Listings.AnyAsync(l => l.PatentId == id && (l.Status == Domain.Listings.ListingStatus.Published || l.Status == Domain.Listings.ListingStatus.Suspended), ct)) return patent;
        throw new NotFoundException("Patent");
    }

    /// <summary>Owners default to the managing organisation alone; its own consent is implied by listing it,
    /// other owners keep the consent they already gave.</summary>
    public static PatentDetails ToDetails(PatentRequest request, Guid managingOrganizationId, Patent? existing)
    {
        for (var i = 0; i < (request.Owners?.Count ?? 0); i++)
            if (request.Owners![i] is null) throw new DomainRuleException($"owners[{i}]", "Give each owner's organisation and share.");
        var owners = (request.Owners is { Count: > 0 } given ? given : [new OwnerShareRequest(managingOrganizationId, 100m)])
            .Select(o => new PatentOwner(o.OrganizationId, o.SharePercent,
                o.OrganizationId == managingOrganizationId
                || existing?.Owners.Any(e => e.OrganizationId == o.OrganizationId && e.ConsentToList) == true))
            .ToList();
        return new PatentDetails(
            request.ApplicationNumber, request.Type!.Value, request.PublicationNumber, request.TitleZh, request.TitleEn,
            request.AbstractZh, request.AbstractEn, request.IpcCodes ?? [], request.MainIpc, request.Inventors, owners,
            request.FilingDate!.Value, request.GrantDate, request.LegalStatus!.Value, request.LapseReason, request.FeesPaidThrough,
            request.LocarnoClass, request.RecordedEvents ?? existing?.RecordedEvents ?? LegalEvents.None, 
            // What an import left open stays open until filled in; a filing date entered by hand is the real one.
            (existing?.Gaps ?? RecordGaps.None) & ~RecordGaps.FilingDay);
    }

    private async Task EnsureOwnersExistAsync(PatentDetails details, CancellationToken ct)
    {
        var ids = details.Owners.Select(o => o.OrganizationId).Distinct().ToList();
        var known = await db.Organizations.CountAsync(o => ids.Contains(o.Id), ct);
        if (known != ids.Count)
            throw new DomainRuleException("owners", "Every owner must be an organisation registered on the platform.");
    }
}
