using Marketplace.Domain.Common;
using Marketplace.Domain.Targets;

namespace Marketplace.Domain.Tests.Targets;

public sealed class TargetPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PlanTargets Park = new(3_000_000m, 600_000_000m, 4);

    private static TargetPlan Seed() => TargetPlan.Create("2022–2025", new(2022, 1, 1), new(2025, 12, 31), Park, [], Now);

    [Fact]
    public void The_seed_plan_shares_its_targets_by_month_and_asks_for_sixteen_sessions()
    {
        var plan = Seed();
        Assert.Equal(48, plan.Months);
        Assert.Equal(750_000m, plan.ShareOf(Park.Deals, 2024));
        Assert.Equal(0m, plan.ShareOf(Park.Deals, 2026));
        Assert.Equal((16m, 4m), (plan.SessionsTarget(), plan.SessionsTarget(2023)));
        Assert.Equal(PlanStatus.Ended, plan.StatusOn(new DateOnly(2026, 12, 6)));
    }

    [Theory]
    [InlineData("2025-07-01", "2026-12-31")]
    [InlineData("2021-01-01", "2022-01-31")]
    [InlineData("2020-01-01", "2030-12-31")]
    public void A_plan_whose_period_overlaps_another_is_refused(string from, string to)
    {
        var refusal = Assert.Throws<DomainRuleException>(() =>
            TargetPlan.Create("next", DateOnly.Parse(from), DateOnly.Parse(to), Park, [Seed()], Now));
        Assert.Equal(("from", true), (refusal.Field, refusal.IsConflict));
    }

    [Fact]
    public void A_successor_plan_follows_and_editing_a_plan_does_not_collide_with_itself()
    {
        var seed = Seed();
        var next = TargetPlan.Create("2026–2030", new(2026, 1, 1), new(2030, 12, 31), new(5_000_000m, 800_000_000m, 6), [seed], Now);
        seed.Edit("2022–2025 (revised)", new(2022, 1, 1), new(2025, 12, 31), Park with { Deals = 3_500_000m }, [seed, next], Now);
        Assert.Equal(3_500_000m, seed.Targets.Deals);
        Assert.Same(next, PlanCalendar.Current([seed, next], new DateOnly(2026, 12, 6)));
        Assert.Same(seed, PlanCalendar.Current([seed], new DateOnly(2026, 12, 6)));
    }

    [Theory]
    [InlineData(0, 600_000_000, 4, "targets.deals")]
    [InlineData(-1, 600_000_000, 4, "targets.deals")]
    [InlineData(3_000_000, 0, 4, "targets.pledgeFinancing")]
    [InlineData(3_000_000, 600_000_000, 0, "targets.sessionsPerYear")]
    public void A_target_of_zero_or_less_is_refused(decimal deals, decimal pledges, int sessions, string field) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() =>
            TargetPlan.Create("p", new(2030, 1, 1), new(2030, 12, 31), new(deals, pledges, sessions), [], Now)).Field);

    [Fact]
    public void Every_wrong_field_is_refused_at_once()
    {
        var refusal = Assert.Throws<DomainRulesException>(() => TargetPlan.Create("", new(2030, 1, 2), new(2030, 6, 15), new(0, 0, 0), [], Now));
        Assert.Equal(["name", "from", "to", "targets.deals", "targets.pledgeFinancing", "targets.sessionsPerYear"], refusal.All.Select(r => r.Field));
    }
}
