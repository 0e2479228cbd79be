using Marketplace.Domain.Deals;

namespace Marketplace.Web.Features.Targets;

public sealed class TargetOptions
{
    /// <summary>The park's goal for pledge financing over the plan period, in yuan (6亿元).</summary>
    public decimal PledgeFinancing { get; set; } = 600_000_000m;

    /// <summary>The park's goal for licence, equity and transfer deal amounts over the plan period, in yuan (300万元).</summary>
    public decimal Deals { get; set; } = 3_000_000m;

    /// <summary>Matchmaking sessions to hold each year.</summary>
    public int SessionsPerYear { get; set; } = 4;

    public int PlanFrom { get; set; } = 2023;
    public int PlanTo { get; set; } = 2025;

    public List<OwnerGroup> Owners { get; set; } = [];
    public List<IndustryGroup> Industries { get; set; } = [];

    public int PlanYears => PlanTo - PlanFrom + 1;
}

public sealed record YearPledgeFigures(int Year, decimal Disbursed, decimal ApprovedNotDisbursed);

/// <summary>One slice of a breakdown; <paramref name="Key"/> is stable (an enum or group key, a bank id, "2024-03").</summary>
public sealed record Slice(string Key, string Name, decimal Amount, decimal Second, int Count);

public sealed record PledgeFinancingFigures(decimal Target, decimal Disbursed, decimal ApprovedNotDisbursed, IReadOnlyList<YearPledgeFigures> ByYear,
    IReadOnlyList<Slice> ByBank, IReadOnlyList<Slice> ByMonth);

public sealed record CategoryFigures(DealCategory Category, decimal Contracted, decimal Received, int Deals);

public sealed record YearDealFigures(int Year, decimal Contracted, decimal Received, int Deals, IReadOnlyList<CategoryFigures> ByCategory);

/// <summary>Licence + equity + transfer: contracted (by signing month) and received, against the target. In each
/// slice, Amount is contracted and Second received.</summary>
public sealed record DealFigures(decimal Target, decimal Contracted, decimal Received, int Deals, IReadOnlyList<YearDealFigures> ByYear,
    IReadOnlyList<Slice> ByCategory, IReadOnlyList<Slice> ByOwner, IReadOnlyList<Slice> ByIndustry, IReadOnlyList<Slice> ByMonth);

/// <summary>
/// A figure against its target over the scope (the plan period, or one year with a pro-rata share of the target):
/// the percentage, what remains, where an even pace would stand today and whether the figure is at or past it.
/// </summary>
public sealed record Progress(string Key, decimal Value, decimal Target, decimal Percent, decimal Remaining, decimal Expected, bool OnTrack);

public sealed record YearSessions(int Year, int Held);

/// <summary>Matchmaking sessions held (gone live or closed), by the China year they started, against so many a year.</summary>
public sealed record SessionFigures(int TargetPerYear, int Target, int Held, IReadOnlyList<YearSessions> ByYear);

/// <summary>What the figures cover: one year, or (no year asked) every year, with progress over the plan period.</summary>
public sealed record TargetScope(int? Year, int PlanFrom, int PlanTo);

/// <summary>The park's targets, one part per programme.</summary>
public sealed record TargetsResponse(TargetScope Scope, DealFigures Deals, PledgeFinancingFigures PledgeFinancing, SessionFigures Sessions, IReadOnlyList<Progress> Progress);
