using Marketplace.Domain.Deals;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// Licence, equity and transfer figures for one signing month, category, owner group and industry, moved by every
/// deal change that counts, in that change's transaction; never summed over the deals on a request. The grain is
/// the dashboard's finest breakdown, so every breakdown is a sum over a few hundred rows at most.
/// </summary>
public sealed class DealTotal
{
    public int Year { get; init; }
    public int Month { get; init; }
    public DealCategory Category { get; init; }
    public string Owner { get; init; } = "";
    public string Industry { get; init; } = "";
    public decimal Contracted { get; init; }
    public decimal Received { get; init; }
    public int Deals { get; init; }
}
