using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Pledges;

/// <summary>
/// A bank's lending rules for patent pledges: the loan-to-value cap and the minimum remaining term for each
/// patent type. Banks without their own policy use <see cref="Default"/>.
/// </summary>
public sealed record BankPledgePolicy(
    decimal InventionCapPercent, decimal UtilityModelCapPercent, decimal DesignCapPercent,
    int InventionMinYears, int UtilityModelMinYears, int DesignMinYears)
{
    public static BankPledgePolicy Default { get; } = new(50m, 30m, 30m, 8, 4, 4);

    public const int MaxMinYears = 20;

    public decimal CapPercent(PatentType type) => type switch
    {
        PatentType.Invention => InventionCapPercent,
        PatentType.UtilityModel => UtilityModelCapPercent,
        PatentType.Design => DesignCapPercent,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown patent type."),
    };

    public int MinYears(PatentType type) => type switch
    {
        PatentType.Invention => InventionMinYears,
        PatentType.UtilityModel => UtilityModelMinYears,
        PatentType.Design => DesignMinYears,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown patent type."),
    };

    public BankPledgePolicy Validated() => new(
        Money.Percent(InventionCapPercent, "inventionCapPercent"),
        Money.Percent(UtilityModelCapPercent, "utilityModelCapPercent"),
        Money.Percent(DesignCapPercent, "designCapPercent"),
        Years(InventionMinYears, "inventionMinYears"),
        Years(UtilityModelMinYears, "utilityModelMinYears"),
        Years(DesignMinYears, "designMinYears"));

    private static int Years(int years, string field) => years is >= 0 and <= MaxMinYears
        ? years
        : throw new DomainRuleException(field, new Text("A minimum remaining term is 0 to {0} years.", MaxMinYears));
}
