using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Watch;

public sealed class PatentCalendarTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Theory]
    [InlineData(PatentType.Invention, 1, 900)]
    [InlineData(PatentType.Invention, 3, 900)]
    [InlineData(PatentType.Invention, 4, 1200)]
    [InlineData(PatentType.Invention, 9, 2000)]
    [InlineData(PatentType.Invention, 10, 4000)]
    [InlineData(PatentType.Invention, 15, 6000)]
    [InlineData(PatentType.Invention, 16, 8000)]
    [InlineData(PatentType.Invention, 20, 8000)]
    [InlineData(PatentType.UtilityModel, 3, 600)]
    [InlineData(PatentType.UtilityModel, 5, 900)]
    [InlineData(PatentType.UtilityModel, 6, 1200)]
    [InlineData(PatentType.UtilityModel, 10, 2000)]
    [InlineData(PatentType.Design, 8, 1200)]
    [InlineData(PatentType.Design, 10, 2000)]
    [InlineData(PatentType.Design, 11, 3000)]
    [InlineData(PatentType.Design, 15, 3000)]
    public void Annual_fees_follow_CNIPAs_bands(PatentType type, int year, int fee) =>
        Assert.Equal(fee, AnnualFees.For(type, year));

    [Fact]
    public void Fees_fall_due_on_the_filing_dates_anniversary_not_the_grant_date()
    {
        // 审查指南's own example: filed 1997-06-03, granted 2001-08-01, year 5 paid at registration: year 6 due 2002-06-03.
        var calendar = new PatentCalendar(PatentType.Invention, D("1997-06-03"));
        Assert.Equal(new AnnualFee(6, D("2002-06-03"), 1200m), calendar.Fee(6));
        Assert.Equal(D("2002-06-02"), calendar.PaidThrough(5));
        Assert.Equal(6, calendar.NextFee(D("2002-06-02"))!.Value.Year);
        Assert.Equal(5, calendar.YearOf(D("2002-06-02")));
        Assert.Equal(6, calendar.YearOf(D("2002-06-03")));
    }

    [Fact]
    public void A_paid_through_date_inside_a_year_covers_that_year()
    {
        var calendar = new PatentCalendar(PatentType.Invention, D("2020-03-15"));
        Assert.Equal(new AnnualFee(7, D("2026-03-15"), 2000m), calendar.NextFee(D("2025-12-31")));
        Assert.Equal(new AnnualFee(7, D("2026-03-15"), 2000m), calendar.NextFee(D("2026-03-14")));
        Assert.Equal(8, calendar.NextFee(D("2026-03-15"))!.Value.Year);
        Assert.Equal(1, calendar.NextFee(D("2020-01-01"))!.Value.Year);
    }

    [Fact]
    public void A_29_February_filing_falls_due_on_28_February_in_common_years()
    {
        var calendar = new PatentCalendar(PatentType.UtilityModel, D("2020-02-29"));
        Assert.Equal(D("2021-02-28"), calendar.Fee(2).DueDate);
        Assert.Equal(D("2024-02-29"), calendar.Fee(5).DueDate);
        Assert.Equal(D("2025-02-28"), calendar.Fee(6).DueDate);
        Assert.Equal(1, calendar.YearOf(D("2021-02-27")));
        Assert.Equal(2, calendar.YearOf(D("2021-02-28")));
        // The term ends on 2030-02-28; the clamped anniversary that day does not start an eleventh year.
        Assert.Equal(D("2030-02-28"), calendar.TermEnd);
        Assert.Equal(10, calendar.LastYear);
        Assert.Null(calendar.NextFee(D("2030-01-01")));
        Assert.Equal(D("2030-02-28"), calendar.PaidThrough(10));
    }

    [Theory]
    [InlineData(PatentType.Invention, "2020-03-15", 20)]
    [InlineData(PatentType.UtilityModel, "2020-03-15", 10)]
    [InlineData(PatentType.Design, "2021-05-31", 10)]
    [InlineData(PatentType.Design, "2021-06-01", 15)]
    public void The_last_fee_year_is_the_last_year_of_the_term(PatentType type, string filed, int years)
    {
        var calendar = new PatentCalendar(type, D(filed));
        Assert.Equal(years, calendar.LastYear);
        Assert.Equal(years, calendar.Fees().Count());
        Assert.Equal(calendar.TermEnd, calendar.PaidThrough(years));
    }

    [Fact]
    public void Term_compensation_moves_the_end_and_adds_a_fee_year()
    {
        var calendar = new PatentCalendar(PatentType.Invention, D("2020-03-15"), CompensationDays: 100);
        Assert.Equal(D("2040-06-22"), calendar.TermEnd);
        Assert.Equal(21, calendar.LastYear);
        Assert.Equal(new AnnualFee(21, D("2040-03-15"), 8000m), calendar.NextFee(D("2040-03-14")));
        Assert.Equal(D("2040-06-22"), calendar.PaidThrough(21));
        Assert.Equal(D("2040-06-22"), PatentTerm.End(PatentType.Invention, D("2020-03-15"), 100));
    }

    [Fact]
    public void The_grace_period_is_six_months_ending_on_the_months_last_day_when_shorter()
    {
        Assert.Equal(D("2026-09-15"), new AnnualFee(7, D("2026-03-15"), 2000m).GraceEnds);
        Assert.Equal(D("2027-02-28"), new AnnualFee(7, D("2026-08-31"), 2000m).GraceEnds);
        Assert.Equal(D("2024-02-29"), new AnnualFee(7, D("2023-08-31"), 2000m).GraceEnds);
    }

    [Theory]
    [InlineData("2026-03-15", 0, "0")] // on the due date
    [InlineData("2026-04-15", 1, "0")] // the first month late costs nothing
    [InlineData("2026-04-16", 2, "100")] // 5 % of 2,000
    [InlineData("2026-05-15", 2, "100")]
    [InlineData("2026-05-16", 3, "200")]
    [InlineData("2026-08-16", 6, "500")] // 25 % in the sixth month
    [InlineData("2026-09-15", 6, "500")] // the grace period's last day
    public void The_surcharge_is_5_percent_per_month_begun_after_the_first(string paidOn, int monthsBegun, string surcharge)
    {
        var fee = new AnnualFee(7, D("2026-03-15"), 2000m);
        Assert.Equal(monthsBegun, fee.MonthsBegun(D(paidOn)));
        Assert.Equal(decimal.Parse(surcharge), fee.Surcharge(D(paidOn)));
    }

    [Fact]
    public void After_the_grace_period_the_fee_can_no_longer_be_paid()
    {
        var fee = new AnnualFee(7, D("2026-03-15"), 2000m);
        Assert.Equal(7, fee.MonthsBegun(D("2026-09-16")));
        Assert.Null(fee.Surcharge(D("2026-09-16")));
        Assert.False(fee.InGrace(D("2026-09-16")));
        Assert.True(fee.InGrace(D("2026-03-16")));
        Assert.False(fee.InGrace(D("2026-03-15")));
    }

    [Fact]
    public void Month_ends_count_months_by_the_months_last_day()
    {
        // Due 31 January: the first month ends 28 February (29 in a leap year).
        var fee = new AnnualFee(4, D("2026-01-31"), 1200m);
        Assert.Equal(0m, fee.Surcharge(D("2026-02-28")));
        Assert.Equal(60m, fee.Surcharge(D("2026-03-01")));
        var leap = new AnnualFee(4, D("2028-01-31"), 1200m);
        Assert.Equal(0m, leap.Surcharge(D("2028-02-29")));
        Assert.Equal(60m, leap.Surcharge(D("2028-03-01")));
    }

    [Fact]
    public void The_surcharge_is_a_share_of_that_years_full_fee() =>
        Assert.Equal(45m, new AnnualFee(4, D("2026-01-10"), 900m).Surcharge(D("2026-03-01")));
}
