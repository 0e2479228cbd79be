using Marketplace.Domain.Deals;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Targets;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// Licence, equity and transfer figures for one signing month, category, owner group, industry, source and evidence
/// state, moved by every change that counts (a deal's step or evidence, an imported registration), in that change's
/// transaction; never summed over the records on a request. The grain is the dashboard's finest breakdown, so every
/// breakdown is a sum over a few hundred rows at most.
/// </summary>
public sealed class DealTotal
{
    public int Year { get; init; }
    public int Month { get; init; }
    public DealCategory Category { get; init; }
    public string Owner { get; init; } = "";
    public string Industry { get; init; } = "";
    public RecordSource Source { get; init; }

    /// <summary>The deals' evidence for <see cref="Contracted"/> and <see cref="Deals"/>, the payments' for <see cref="Received"/>.</summary>
    public EvidenceState Evidence { get; init; }
    public decimal Contracted { get; init; }
    public decimal Received { get; init; }
    public int Deals { get; init; }
}
