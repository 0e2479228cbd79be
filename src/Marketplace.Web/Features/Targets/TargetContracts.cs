using Marketplace.Domain.Deals;
using Marketplace.Domain.Targets;

namespace Marketplace.Web.Features.Targets;

public sealed class TargetOptions
{
    public List<OwnerGroup> Owners { get; set; } = [];
    public List<IndustryGroup> Industries { get; set; } = [];
}

public sealed record YearPledgeFigures(int Year, decimal Disbursed, decimal ApprovedNotDisbursed);

/// <summary>One slice of a breakdown; <paramref name="Key"/> is stable (an enum or group key, a bank id, "2024-03").</summary>
public sealed record Slice(string Key, string Name, decimal Amount, decimal Second, int Count);

/// <summary>Disbursed (month of the tranche) and approved-not-disbursed pledge financing; <paramref name="Target"/> is null
/// where no plan covers the scope. In each slice, Amount is disbursed and Second approved-not-disbursed.</summary>
public sealed record PledgeFinancingFigures(decimal? Target, decimal Disbursed, decimal ApprovedNotDisbursed, IReadOnlyList<YearPledgeFigures> ByYear,
    IReadOnlyList<Slice> ByBank, IReadOnlyList<Slice> ByMonth, IReadOnlyList<Slice> BySource);

public sealed record CategoryFigures(DealCategory Category, decimal Contracted, decimal Received, int Deals);

public sealed record YearDealFigures(int Year, decimal Contracted, decimal Received, int Deals, IReadOnlyList<CategoryFigures> ByCategory);

/// <summary>Licence + equity + transfer: contracted (by signing month) and received, against the target. In each
/// slice, Amount is contracted and Second received.</summary>
public sealed record DealFigures(decimal? Target, decimal Contracted, decimal Received, int Deals, IReadOnlyList<YearDealFigures> ByYear,
    IReadOnlyList<Slice> ByCategory, IReadOnlyList<Slice> ByOwner, IReadOnlyList<Slice> ByIndustry, IReadOnlyList<Slice> ByMonth, IReadOnlyList<Slice> BySource);

/// <summary>
/// A figure against its target over the scope: the percentage, what remains, where an even pace would stand today,
/// whether the figure is at or past it, and once the scope is over whether the target was met (null until then).
/// </summary>
public sealed record Progress(string Key, decimal Value, decimal Target, decimal Percent, decimal Remaining, decimal Expected, bool OnTrack, bool? Met);

/// <summary>How much of a figure rests on records only declared, documented, or verified by the park office.</summary>
public sealed record EvidenceFigures(string Key, decimal Declared, decimal Documented, decimal Verified)
{
    public decimal Total => Declared + Documented + Verified;
}

public sealed record YearSessions(int Year, int Held);

/// <summary>Matchmaking sessions held (gone live or closed), by the China year they started, against so many a year.</summary>
public sealed record SessionFigures(int? TargetPerYear, decimal? Target, int Held, IReadOnlyList<YearSessions> ByYear);

public sealed record PlanSummary(Guid Id, string Name, DateOnly From, DateOnly To, PlanStatus Status, decimal Deals, decimal PledgeFinancing, int SessionsPerYear);

/// <summary>What the figures cover: one year, or one plan's period (the current plan when none is asked for), from
/// <paramref name="From"/> to <paramref name="To"/>. <paramref name="Plans"/> are the plans whose targets apply (none:
/// the figures stand without targets).</summary>
public sealed record TargetScope(int? Year, PlanSummary? Plan, DateOnly From, DateOnly To, IReadOnlyList<PlanSummary> Plans)
{
    public bool HasTargets => Plans.Count > 0;
}

/// <summary>The park's targets, one part per programme, and the evidence behind each headline figure.</summary>
public sealed record TargetsResponse(TargetScope Scope, DealFigures Deals, PledgeFinancingFigures PledgeFinancing, SessionFigures Sessions,
    IReadOnlyList<Progress> Progress, IReadOnlyList<EvidenceFigures> Evidence);
