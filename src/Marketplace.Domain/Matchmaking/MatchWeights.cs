using Marketplace.Domain.Common;

namespace Marketplace.Domain.Matchmaking;

/// <summary>
/// How much each factor counts. Bound from configuration (<c>Matching:Weights</c>); the score is the weighted
/// sum scaled to 0–100, so the weights need not add up to 100, only be non-negative with a positive total.
/// </summary>
public sealed class MatchWeights
{
    public double Text { get; set; } = 35;
    public double Ipc { get; set; } = 20;
    public double Budget { get; set; } = 15;
    public double Mode { get; set; } = 15;
    public double Term { get; set; } = 10;
    public double Sleeping { get; set; } = 5;

    public double Total => Text + Ipc + Budget + Mode + Term + Sleeping;

    public MatchWeights Validated()
    {
        if (new[] { Text, Ipc, Budget, Mode, Term, Sleeping }.Any(w => w < 0 || double.IsNaN(w)))
            throw new DomainRuleException("matching.weights", "Match weights cannot be negative.");
        if (Total <= 0) throw new DomainRuleException("matching.weights", "At least one match weight must be positive.");
        return this;
    }
}
