using Marketplace.Domain.Common;

namespace Marketplace.Domain.Matchmaking;

/// <summary>
/// How much each factor counts, bound from configuration (<c>Matching:Weights</c>). Text and Ipc weigh the two parts
/// of topical relevance against each other (Ipc only when the need names IPC codes); Budget, Mode, Term and Sleeping
/// share the practical fit. Topical relevance always makes <see cref="MatchScorer.TopicalShare"/> of the score,
/// whatever the weights, so configuration cannot let price outweigh the subject.
/// </summary>
public sealed class MatchWeights
{
    public double Text { get; set; } = 35;
    public double Ipc { get; set; } = 20;
    public double Budget { get; set; } = 15;
    public double Mode { get; set; } = 15;
    public double Term { get; set; } = 10;
    public double Sleeping { get; set; } = 5;

    public double Topical => Text + Ipc;

    public double Fit => Budget + Mode + Term + Sleeping;

    public MatchWeights Validated()
    {
        if (new[] { Text, Ipc, Budget, Mode, Term, Sleeping }.Any(w => w < 0 || double.IsNaN(w) || double.IsInfinity(w)))
            throw new DomainRuleException("matching.weights", "Match weights cannot be negative.");
        if (Text <= 0) throw new DomainRuleException("matching.weights", "The text weight must be positive: the text says what a listing is about.");
        if (Fit <= 0) throw new DomainRuleException("matching.weights", "At least one of the budget, mode, term and sleeping weights must be positive.");
        return this;
    }
}
