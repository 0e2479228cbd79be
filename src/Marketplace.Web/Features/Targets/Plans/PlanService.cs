using Marketplace.Domain.Common;
using Marketplace.Domain.Targets;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Audit;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets.Plans;

public sealed record PlanRequest(string? Name, DateOnly? From, DateOnly? To, decimal? Deals, decimal? PledgeFinancing, int? SessionsPerYear, uint? Version);

public sealed record PlanResponse(Guid Id, string Name, DateOnly From, DateOnly To, decimal Deals, decimal PledgeFinancing, int SessionsPerYear,
    PlanStatus Status, uint Version);

/// <summary>
/// The park office keeps the plans: a successor plan with its own targets, a corrected target. One plan at a time
/// (periods never overlap, checked under a table lock so two offices entering plans at once cannot both pass), every
/// change audited with the old and new values. The kept totals are by month and do not depend on plans, so an edit
/// moves no figure, only what it is measured against.
/// </summary>
public sealed class PlanService(MarketplaceDb db, AuditLog audit, TimeProvider clock)
{
    public const string AuditEntity = "TargetPlan";

    public async Task<IReadOnlyList<TargetPlan>> ListAsync(CancellationToken ct) =>
        await db.Set<TargetPlan>().AsNoTracking().OrderBy(p => p.From).ToListAsync(ct);

    public async Task<TargetPlan> CreateAsync(PlanRequest request, CancellationToken ct)
    {
        await using var unit = await db.Database.BeginUnitOfWorkAsync(ct);
        var others = await LockedPlansAsync(ct);
        var plan = TargetPlan.Create(request.Name, From(request), To(request), Targets(request), others, clock.GetUtcNow());
        db.Add(plan);
        audit.Record(AuditEntity, plan.Id, "Created", null, plan.StatusOn(BusinessCalendar.Today(clock)).ToString(), Describe(plan));
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        return plan;
    }

    public async Task<TargetPlan> EditAsync(Guid id, PlanRequest request, CancellationToken ct)
    {
        await using var unit = await db.Database.BeginUnitOfWorkAsync(ct);
        var others = await LockedPlansAsync(ct);
        var plan = await db.Set<TargetPlan>().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Plan");
        Concurrency.ExpectVersion(plan.Version, request.Version);
        var before = Describe(plan);
        plan.Edit(request.Name, From(request), To(request), Targets(request), others, clock.GetUtcNow());
        audit.Record(AuditEntity, plan.Id, "Edited", null, plan.StatusOn(BusinessCalendar.Today(clock)).ToString(), $"{before} → {Describe(plan)}");
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        return plan;
    }

    public PlanResponse ToResponse(TargetPlan p) => new(p.Id, p.Name, p.From, p.To, p.Targets.Deals, p.Targets.PledgeFinancing, p.Targets.SessionsPerYear,
        p.StatusOn(BusinessCalendar.Today(clock)), p.Version);

    // EXCLUSIVE mode lets readers through but queues a second writer until the first commits, so the overlap check
    // sees every committed plan.
    private async Task<List<TargetPlan>> LockedPlansAsync(CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE target_plans IN EXCLUSIVE MODE", ct);
        return await db.Set<TargetPlan>().AsNoTracking().ToListAsync(ct);
    }

    private static string Describe(TargetPlan p) =>
        $"{p.Name} {p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd} deals {p.Targets.Deals:0.00} pledges {p.Targets.PledgeFinancing:0.00} sessions {p.Targets.SessionsPerYear}/y";

    private static DateOnly From(PlanRequest r) => r.From ?? throw new DomainRuleException("from", "Give the date the plan starts.");

    private static DateOnly To(PlanRequest r) => r.To ?? throw new DomainRuleException("to", "Give the date the plan ends.");

    private static PlanTargets Targets(PlanRequest r) => new(r.Deals ?? 0m, r.PledgeFinancing ?? 0m, r.SessionsPerYear ?? 0);
}
