using Marketplace.Domain.Common;

namespace Marketplace.Domain.Deals;

/// <summary>One line of a payment schedule as the parties agree it.</summary>
public sealed record InstalmentPlan(InstalmentKind Kind, string Label, DateOnly DueDate, decimal Amount)
{
    public InstalmentPlan Validated(int index)
    {
        var field = $"instalments[{index}]";
        if (!Enum.IsDefined(Kind)) throw new DomainRuleException($"{field}.kind", "The kind is Upfront, Milestone or Royalty.");
        if (Money.Cny(Amount, $"{field}.amount") <= 0) throw new DomainRuleException($"{field}.amount", "An instalment must be more than 0 yuan.");
        return this with { Label = Patents.TextRules.Required(Label, $"{field}.label", "Label", 100) };
    }
}
