using Marketplace.Domain.Deals;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// Licence, equity and transfer figures for one (signing) year and category, moved by every deal change that
/// counts, in that change's transaction; never summed over the deals on a request.
/// </summary>
public sealed class DealTotal
{
    public int Year { get; init; }
    public DealCategory Category { get; init; }
    public decimal Contracted { get; init; }
    public decimal Received { get; init; }
    public int Deals { get; init; }
}
