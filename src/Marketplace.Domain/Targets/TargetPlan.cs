using Marketplace.Domain.Common;

namespace Marketplace.Domain.Targets;

/// <summary>
/// A plan period of the park with its targets (the seed's: 2022-01-01 to 2025-12-31, 3,000,000 yuan, 600,000,000 yuan,
/// 4 sessions a year). Plans run in whole months and never overlap, so any day belongs to at most one plan and a
/// year's share of a target is the plan's target × the plan's months in that year ÷ the plan's months.
/// </summary>
public sealed class TargetPlan
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public PlanTargets Targets { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    private TargetPlan() { }

    public static TargetPlan Create(string? name, DateOnly from, DateOnly to, PlanTargets targets, IReadOnlyList<TargetPlan> others, DateTimeOffset now)
    {
        var plan = new TargetPlan { Id = Guid.CreateVersion7(now), CreatedAt = now };
        plan.Set(name, from, to, targets, others, now);
        return plan;
    }

    public void Edit(string? name, DateOnly from, DateOnly to, PlanTargets targets, IReadOnlyList<TargetPlan> others, DateTimeOffset now) =>
        Set(name, from, to, targets, others.Where(p => p.Id != Id).ToList(), now);

    private void Set(string? name, DateOnly from, DateOnly to, PlanTargets targets, IReadOnlyList<TargetPlan> others, DateTimeOffset now)
    {
        var checks = new RuleChecks();
        checks.Try(() => Patents.TextRules.Required(name, "name", "the plan's name", 200), out var validName);
        checks.Run(() =>
        {
            if (from.Day != 1) throw new DomainRuleException("from", "A plan starts on the first day of a month.");
            if (from.Year is < 2000 or > 2100) throw new DomainRuleException("from", "Give a date between 2000 and 2100.");
        });
        checks.Run(() =>
        {
            // The year first: the last day of 9999 has no next day to test the month's end with.
            if (to.Year is < 2000 or > 2100) throw new DomainRuleException("to", "Give a date between 2000 and 2100.");
            if (to.AddDays(1).Day != 1) throw new DomainRuleException("to", "A plan ends on the last day of a month.");
            if (to <= from) throw new DomainRuleException("to", "The plan must end after it starts.");
        });
        targets.Check(checks);
        checks.ThrowIfAny();
        if (others.FirstOrDefault(p => p.From <= to && from <= p.To) is { } overlapping)
            throw new DomainRuleException("from", new Text("The period overlaps the plan \"{0}\" ({1} to {2}); plans follow one another.",
                overlapping.Name, overlapping.From.ToString("yyyy-MM-dd"), overlapping.To.ToString("yyyy-MM-dd")), isConflict: true);
        (Name, From, To, Targets, UpdatedAt) = (validName, from, to, targets, now);
    }

    public int Months => MonthsBetween(From, To);

    public bool Covers(DateOnly day) => day >= From && day <= To;

    public PlanStatus StatusOn(DateOnly today) => today < From ? PlanStatus.Upcoming : today > To ? PlanStatus.Ended : PlanStatus.Running;

    /// <summary>How many of the plan's months fall in <paramref name="year"/>.</summary>
    public int MonthsIn(int year)
    {
        var from = From.Year > year ? (DateOnly?)null : From.Year < year ? new DateOnly(year, 1, 1) : From;
        var to = To.Year < year ? (DateOnly?)null : To.Year > year ? new DateOnly(year, 12, 31) : To;
        return from is { } f && to is { } t && f <= t ? MonthsBetween(f, t) : 0;
    }

    /// <summary>A yuan target's share for <paramref name="year"/>, to the fen.</summary>
    public decimal ShareOf(decimal target, int year) => decimal.Round(target * MonthsIn(year) / Months, 2);

    /// <summary>Sessions the plan asks for over its whole period (per year × its years), or in <paramref name="year"/>.</summary>
    public decimal SessionsTarget(int? year = null) => decimal.Round(Targets.SessionsPerYear * (year is { } y ? MonthsIn(y) : Months) / 12m, 1);

    /// <summary>Whether the plan's years include <paramref name="year"/> (in part or whole).</summary>
    public bool Touches(int year) => MonthsIn(year) > 0;

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
}

/// <summary>Which plan a dashboard opens on: the one running today, else the last one that ended, else the next.</summary>
public static class PlanCalendar
{
    public static TargetPlan? Current(IEnumerable<TargetPlan> plans, DateOnly today)
    {
        var list = plans.ToList();
        return list.FirstOrDefault(p => p.Covers(today))
               ?? list.Where(p => p.To < today).MaxBy(p => p.To)
               ?? list.Where(p => p.From > today).MinBy(p => p.From);
    }
}
