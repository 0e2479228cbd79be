using Marketplace.Domain.Common;

namespace Marketplace.Domain.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("12345.67")]
    [InlineData("1.10")]
    [InlineData("1000000000000")]
    public void Plausible_yuan_amounts_are_returned_unchanged(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, Money.Cny(value, "price"));
    }

    [Theory]
    [InlineData("-0.01", "negative")]
    [InlineData("1000000000000.01", "absurd")]
    [InlineData("12.345", "2 decimal places")]
    public void Implausible_amounts_are_refused_with_the_field_named(string amount, string expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Throws<DomainRuleException>(() => Money.Cny(value, "licence.lumpSum"));
        Assert.Equal("licence.lumpSum", error.Field);
        Assert.Contains(expected, error.Message);
        Assert.False(error.IsConflict);
    }

    [Fact]
    public void Optional_amounts_pass_null_through_and_check_the_rest()
    {
        Assert.Null(Money.CnyOrNull(null, "x"));
        Assert.Equal(5m, Money.CnyOrNull(5m, "x"));
        Assert.Equal("x", Assert.Throws<DomainRuleException>(() => Money.CnyOrNull(-5m, "x")).Field);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("33.3334")]
    [InlineData("5.5")]
    public void Percentages_from_0_to_100_with_4_decimals_are_accepted(string percent)
    {
        var value = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, Money.Percent(value, "rate"));
    }

    [Theory]
    [InlineData("-0.0001", "between 0 and 100")]
    [InlineData("100.0001", "between 0 and 100")]
    [InlineData("1.23456", "4 decimal places")]
    public void Other_percentages_are_refused(string percent, string expected)
    {
        var value = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Throws<DomainRuleException>(() => Money.Percent(value, "licence.royaltyRatePercent"));
        Assert.Equal("licence.royaltyRatePercent", error.Field);
        Assert.Contains(expected, error.Message);
    }
}
