using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Needs;

/// <summary>
/// Technology needs through their lifecycle: the enterprise posts, edits and closes; the park office approves,
/// rejects or asks for rework. Each change is saved with its audit row and its matching-outbox row.
/// </summary>
public sealed class NeedService(MarketplaceDb db, AuditLog audit, TimeProvider clock)
{
    public const string AuditEntity = "TechnologyNeed";

    private DateOnly Today => BusinessCalendar.Today(clock);

    public async Task<TechnologyNeed> PostAsync(ClaimsPrincipal caller, NeedDetails details, CancellationToken ct)
    {
        var need = TechnologyNeed.Post(caller.OrganizationId()!.Value, details, Today, clock.GetUtcNow());
        db.Needs.Add(need);
        audit.Record(AuditEntity, need.Id, "Posted", null, need.Status.ToString());
        await db.SaveChangesAsync(ct);
        return need;
    }

    public async Task<TechnologyNeed> EditAsync(ClaimsPrincipal caller, Guid id, NeedRequest request, CancellationToken ct)
    {
        var need = await FindOwnAsync(caller, id, request.Version, ct);
        return await ApplyAsync(need, "Edited", null, n => n.Edit(request.Details!, Today, clock.GetUtcNow()), ct);
    }

    public async Task<TechnologyNeed> CloseAsync(ClaimsPrincipal caller, Guid id, uint? version, CancellationToken ct) =>
        await ApplyAsync(await FindOwnAsync(caller, id, version, ct), "Closed", null, n => n.Close(Today, clock.GetUtcNow()), ct);

    public Task<TechnologyNeed> ApproveAsync(Guid id, uint? version, CancellationToken ct) =>
        ModerateAsync(id, version, "Approved", null, n => n.Approve(Today, clock.GetUtcNow()), ct);

    public Task<TechnologyNeed> RejectAsync(Guid id, string? reason, uint? version, CancellationToken ct) =>
        ModerateAsync(id, version, "Rejected", reason, n => n.Reject(reason ?? "", Today, clock.GetUtcNow()), ct);

    public Task<TechnologyNeed> ReworkAsync(Guid id, string? reason, uint? version, CancellationToken ct) =>
        ModerateAsync(id, version, "ReworkRequested", reason, n => n.RequestRework(reason ?? "", Today, clock.GetUtcNow()), ct);

    /// <summary>The enterprise and the park office see a need in any state; others see public, published ones.</summary>
    public async Task<TechnologyNeed> FindVisibleAsync(ClaimsPrincipal caller, Guid id, CancellationToken ct) =>
        await Visible(caller).SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("Need");

    public IQueryable<TechnologyNeed> Visible(ClaimsPrincipal caller)
    {
        var organizationId = caller.OrganizationId();
        var admin = caller.IsInRole(Roles.ParkAdmin);
        return db.Needs.AsNoTracking().Where(n => admin || n.OrganizationId == organizationId ||
            ((n.Status == NeedStatus.Open || n.Status == NeedStatus.Matched) && n.Visibility == NeedVisibility.Public));
    }

    private async Task<TechnologyNeed> ModerateAsync(Guid id, uint? version, string action, string? comment, Action<TechnologyNeed> move, CancellationToken ct)
    {
        var need = await db.Needs.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("Need");
        Concurrency.ExpectVersion(need.Version, version);
        return await ApplyAsync(need, action, comment, move, ct);
    }

    private async Task<TechnologyNeed> ApplyAsync(TechnologyNeed need, string action, string? comment, Action<TechnologyNeed> move, CancellationToken ct)
    {
        var before = need.StatusOn(Today).ToString();
        move(need);
        audit.Record(AuditEntity, need.Id, action, before, need.Status.ToString(), comment);
        await db.SaveChangesAsync(ct);
        return need;
    }

    private async Task<TechnologyNeed> FindOwnAsync(ClaimsPrincipal caller, Guid id, uint? version, CancellationToken ct)
    {
        var organizationId = caller.OrganizationId();
        var need = await db.Needs.SingleOrDefaultAsync(n => n.Id == id && n.OrganizationId == organizationId, ct)
                   ?? throw new NotFoundException("Need");
        Concurrency.ExpectVersion(need.Version, version);
        return need;
    }
}
