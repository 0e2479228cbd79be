using Marketplace.Domain.Common;

namespace Marketplace.Domain.Targets;

/// <summary>
/// What a plan asks for over its whole period: licence + equity + transfer amounts contracted, pledge financing
/// disbursed (both yuan), and matchmaking sessions held each year. Every target is above zero: a plan that asks for
/// nothing is a typing mistake.
/// </summary>
public sealed record PlanTargets(decimal Deals, decimal PledgeFinancing, int SessionsPerYear)
{
    public void Check(RuleChecks checks)
    {
        checks.Run(() => Positive(Money.Cny(Deals, "targets.deals"), "targets.deals"));
        checks.Run(() => Positive(Money.Cny(PledgeFinancing, "targets.pledgeFinancing"), "targets.pledgeFinancing"));
        checks.Run(() =>
        {
            if (SessionsPerYear is <= 0 or > 365)
                throw new DomainRuleException("targets.sessionsPerYear", "Sessions a year must be between 1 and 365.");
        });
    }

    private static void Positive(decimal amount, string field)
    {
        if (amount <= 0) throw new DomainRuleException(field, "A target must be more than 0.");
    }
}

/// <summary>Where a plan stands on a day.</summary>
public enum PlanStatus { Upcoming, Running, Ended }
