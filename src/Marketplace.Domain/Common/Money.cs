namespace Marketplace.Domain.Common;

/// <summary>
/// Amounts are yuan (CNY) held as <see cref="decimal"/>, never floating point, with at most two decimal places
/// (fen). Percentages allow four decimal places so that shares such as 33.3334 % can add up to exactly 100 %.
/// Each check returns its input so callers can validate and assign in one expression.
/// </summary>
public static class Money
{
    /// <summary>One trillion yuan: anything above is a typing mistake, not a price.</summary>
    public const decimal Max = 1_000_000_000_000m;

    public static decimal Cny(decimal amount, string field)
    {
        if (amount < 0)
            throw new DomainRuleException(field, "An amount cannot be negative.");
        if (amount > Max)
            throw new DomainRuleException(field,
                new Text("{0:#,0.##} yuan is an absurd amount; amounts must not exceed 1,000,000,000,000 yuan.", amount));
        if (amount != decimal.Round(amount, 2))
            throw new DomainRuleException(field, "An amount in yuan has at most 2 decimal places (fen).");
        return amount;
    }

    public static decimal? CnyOrNull(decimal? amount, string field) => amount is { } value ? Cny(value, field) : null;

    public static decimal Percent(decimal value, string field)
    {
        if (value is < 0 or > 100)
            throw new DomainRuleException(field, "A percentage must be between 0 and 100.");
        if (value != decimal.Round(value, 4))
            throw new DomainRuleException(field, "A percentage has at most 4 decimal places.");
        return value;
    }
}
