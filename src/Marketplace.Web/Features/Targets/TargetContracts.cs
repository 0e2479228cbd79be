using Marketplace.Domain.Deals;

namespace Marketplace.Web.Features.Targets;

public sealed class TargetOptions
{
    /// <summary>The park's goal for pledge financing, in yuan (6亿元).</summary>
    public decimal PledgeFinancing { get; set; } = 600_000_000m;

    /// <summary>The park's goal for licence, equity and transfer deal amounts, in yuan (300万元).</summary>
    public decimal Deals { get; set; } = 3_000_000m;
}

public sealed record YearPledgeFigures(int Year, decimal Disbursed, decimal ApprovedNotDisbursed);

public sealed record PledgeFinancingFigures(decimal Target, decimal Disbursed, decimal ApprovedNotDisbursed, IReadOnlyList<YearPledgeFigures> ByYear);

public sealed record CategoryFigures(DealCategory Category, decimal Contracted, decimal Received, int Deals);

public sealed record YearDealFigures(int Year, decimal Contracted, decimal Received, int Deals, IReadOnlyList<CategoryFigures> ByCategory);

/// <summary>Licence + equity + transfer: contracted (by signing year) and received, against the target.</summary>
public sealed record DealFigures(decimal Target, decimal Contracted, decimal Received, int Deals, IReadOnlyList<YearDealFigures> ByYear);

/// <summary>The park's targets, one part per programme.</summary>
public sealed record TargetsResponse(DealFigures Deals, PledgeFinancingFigures PledgeFinancing);
