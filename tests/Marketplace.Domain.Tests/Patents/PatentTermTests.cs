using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

public sealed class PatentTermTests
{
    [Theory]
    [InlineData(PatentType.Invention, "2020-03-15", "2040-03-14")]
    [InlineData(PatentType.UtilityModel, "2020-03-15", "2030-03-14")]
    [InlineData(PatentType.Design, "2021-05-31", "2031-05-30")]
    [InlineData(PatentType.Design, "2021-06-01", "2036-05-31")]
    [InlineData(PatentType.Invention, "1985-04-01", "2005-03-31")]
    public void The_term_ends_the_day_before_the_anniversary(PatentType type, string filed, string end) =>
        Assert.Equal(DateOnly.Parse(end), PatentTerm.End(type, DateOnly.Parse(filed)));

    [Fact]
    public void Designs_get_15_years_from_2021_06_01()
    {
        Assert.Equal(10, PatentTerm.Years(PatentType.Design, new DateOnly(2021, 5, 31)));
        Assert.Equal(15, PatentTerm.Years(PatentType.Design, new DateOnly(2021, 6, 1)));
        Assert.Equal(20, PatentTerm.Years(PatentType.Invention, new DateOnly(2021, 5, 31)));
        Assert.Equal(10, PatentTerm.Years(PatentType.UtilityModel, new DateOnly(2021, 6, 1)));
    }

    [Theory]
    [InlineData(PatentType.Invention, "2020-02-29", "2040-02-28")] // 2040 is a leap year: anniversary 2040-02-29
    [InlineData(PatentType.UtilityModel, "2020-02-29", "2030-02-28")] // no 2030-02-29: anniversary is 1 March
    [InlineData(PatentType.Design, "2024-02-29", "2039-02-28")]
    [InlineData(PatentType.Design, "2025-03-01", "2040-02-29")] // the day before 1 March in a leap year
    [InlineData(PatentType.UtilityModel, "2019-03-01", "2029-02-28")]
    public void Leap_days_neither_shorten_nor_lengthen_the_term(PatentType type, string filed, string end) =>
        Assert.Equal(DateOnly.Parse(end), PatentTerm.End(type, DateOnly.Parse(filed)));

    [Fact]
    public void On_the_filing_date_the_whole_term_remains()
    {
        var remaining = PatentTerm.Remaining(PatentType.Invention, new DateOnly(2020, 3, 15), new DateOnly(2020, 3, 15));
        Assert.Equal(new RemainingTerm(20, 0, 0, 7305, Expired: false), remaining);
        Assert.Equal(240, remaining.TotalMonths);
    }

    [Fact]
    public void Remaining_time_counts_whole_months_then_days()
    {
        // Expiry 2040-03-15; 159 months from 2026-11-25 is 2040-02-25, then 19 days (February 2040 has 29).
        var remaining = PatentTerm.Remaining(PatentType.Invention, new DateOnly(2020, 3, 15), new DateOnly(2026, 11, 25));
        Assert.Equal((13, 3, 19), (remaining.Years, remaining.Months, remaining.Days));
        Assert.Equal(159, remaining.TotalMonths);
        Assert.Equal(new DateOnly(2040, 3, 15).DayNumber - new DateOnly(2026, 11, 25).DayNumber, remaining.TotalDays);
    }

    [Fact]
    public void The_last_day_still_counts_and_the_next_is_expired()
    {
        var filed = new DateOnly(2020, 3, 15);
        Assert.Equal(new RemainingTerm(0, 0, 1, 1, false), PatentTerm.Remaining(PatentType.UtilityModel, filed, new DateOnly(2030, 3, 14)));
        Assert.Equal(new RemainingTerm(0, 0, 0, 0, true), PatentTerm.Remaining(PatentType.UtilityModel, filed, new DateOnly(2030, 3, 15)));
    }

    [Fact]
    public void Month_ends_are_clamped_rather_than_overflowing()
    {
        // From 31 January, one month on is 29 February 2028; the expiry 1 March 2028 is one day later.
        var remaining = PatentTerm.Remaining(PatentType.UtilityModel, new DateOnly(2018, 3, 1), new DateOnly(2028, 1, 31));
        Assert.Equal((0, 1, 1), (remaining.Years, remaining.Months, remaining.Days));
    }
}
