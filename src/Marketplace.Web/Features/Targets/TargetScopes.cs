using Marketplace.Domain.Common;
using Marketplace.Domain.Targets;
using Marketplace.Web.Data;
using Marketplace.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// Which period a dashboard, a white paper or a board shows, and against which plans: a year (the plans touching it,
/// each with its share), a plan (its whole period), or by default the current plan — the one running today, else the
/// last that ended (its final result), else the next. Without any plan, every month on record, without targets.
/// </summary>
public sealed class TargetScopes(MarketplaceDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TargetPlan>> PlansAsync(CancellationToken ct) =>
        await db.Set<TargetPlan>().AsNoTracking().OrderBy(p => p.From).ToListAsync(ct);

    public async Task<(TargetScope Scope, IReadOnlyList<TargetPlan> Applying)> ResolveAsync(int? year, Guid? planId, CancellationToken ct)
    {
        var plans = await PlansAsync(ct);
        var today = BusinessCalendar.Today(clock);
        if (year is { } y)
        {
            var touching = plans.Where(p => p.Touches(y)).ToList();
            return (new TargetScope(y, null, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), touching.Select(p => Summary(p, today)).ToList()), touching);
        }
        var plan = planId is { } id
            ? plans.FirstOrDefault(p => p.Id == id) ?? throw new NotFoundException("Plan")
            : PlanCalendar.Current(plans, today);
        if (plan is null) return (new TargetScope(null, null, new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31), []), []);
        var summary = Summary(plan, today);
        return (new TargetScope(null, summary, plan.From, plan.To, [summary]), [plan]);
    }

    public static PlanSummary Summary(TargetPlan p, DateOnly today) =>
        new(p.Id, p.Name, p.From, p.To, p.StatusOn(today), p.Targets.Deals, p.Targets.PledgeFinancing, p.Targets.SessionsPerYear);
}
