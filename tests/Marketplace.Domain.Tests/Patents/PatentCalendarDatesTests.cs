using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

/// <summary>The calendar on real dates where they are awkward: 29 February, the 2021 design rule, month ends, the
/// last year of the term. (The fee bands and the surcharge's months are in Watch/PatentCalendarTests.)</summary>
public sealed class PatentCalendarDatesTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Theory]
    // An invention filed on 29 February 2000 ends on 28 February 2020 (2020 is a leap year: the anniversary exists).
    [InlineData(PatentType.Invention, "2000-02-29", "2020-02-28", 20)]
    // A utility model filed 29 February 2016: no 29 February in 2026, the anniversary is 1 March, the term ends 28 February.
    [InlineData(PatentType.UtilityModel, "2016-02-29", "2026-02-28", 10)]
    // A design filed 29 February 2024 falls under the 2021 rule: 15 years, ending 28 February 2039.
    [InlineData(PatentType.Design, "2024-02-29", "2039-02-28", 15)]
    // The day before the fourth amendment took effect: 10 years; the day it did: 15.
    [InlineData(PatentType.Design, "2021-05-31", "2031-05-30", 10)]
    [InlineData(PatentType.Design, "2021-06-01", "2036-05-31", 15)]
    public void The_term_and_the_number_of_fee_years(PatentType type, string filed, string termEnd, int years)
    {
        var calendar = new PatentCalendar(type, D(filed));
        Assert.Equal(D(termEnd), calendar.TermEnd);
        Assert.Equal(years, calendar.LastYear);
        Assert.Equal(D(termEnd), calendar.PaidThrough(years));
        Assert.Null(calendar.NextFee(D(termEnd)));
    }

    [Fact]
    public void A_design_under_the_2021_rule_pays_3000_yuan_in_years_11_to_15()
    {
        var calendar = new PatentCalendar(PatentType.Design, D("2021-06-01"));
        Assert.Equal([600m, 600m, 600m, 900m, 900m, 1200m, 1200m, 1200m, 2000m, 2000m, 3000m, 3000m, 3000m, 3000m, 3000m],
            calendar.Fees().Select(f => f.Amount));
        Assert.Equal(new AnnualFee(11, D("2031-06-01"), 3000m), calendar.NextFee(D("2031-05-31")));
    }

    [Fact]
    public void A_leap_day_due_date_in_a_leap_year_keeps_29_February_and_its_grace_ends_on_the_29th_six_months_on()
    {
        var calendar = new PatentCalendar(PatentType.Invention, D("2020-02-29"));
        var fee = calendar.Fee(5);
        Assert.Equal(D("2024-02-29"), fee.DueDate);
        Assert.Equal(D("2024-08-29"), fee.GraceEnds);
        // The next year's fee falls on 28 February, with the grace period to 28 August.
        Assert.Equal(D("2025-02-28"), calendar.Fee(6).DueDate);
        Assert.Equal(D("2025-08-28"), calendar.Fee(6).GraceEnds);
    }

    [Theory]
    // Year 10 of an invention: 4,000 yuan; paid in the fourth month late, 15 %.
    [InlineData("2029-06-20", "0")]
    [InlineData("2029-07-20", "0")]
    [InlineData("2029-07-21", "200")]
    [InlineData("2029-09-21", "600")]
    [InlineData("2029-12-20", "1000")]
    public void The_surcharge_on_a_tenth_year_fee(string paidOn, string surcharge)
    {
        var fee = new PatentCalendar(PatentType.Invention, D("2020-06-20")).Fee(10);
        Assert.Equal((D("2029-06-20"), 4000m, D("2029-12-20")), (fee.DueDate, fee.Amount, fee.GraceEnds));
        Assert.Equal(decimal.Parse(surcharge), fee.Surcharge(D(paidOn)));
    }

    [Fact]
    public void The_paid_through_date_of_each_year_is_the_day_before_the_next_anniversary()
    {
        var calendar = new PatentCalendar(PatentType.UtilityModel, D("2019-12-31"));
        Assert.Equal(D("2020-12-30"), calendar.PaidThrough(1));
        Assert.Equal(D("2024-12-30"), calendar.PaidThrough(5));
        Assert.Equal(D("2029-12-30"), calendar.PaidThrough(10));
        Assert.Equal(6, calendar.NextFee(D("2024-12-30"))!.Value.Year);
    }

    [Fact]
    public void Patent_years_start_on_the_filing_date()
    {
        var calendar = new PatentCalendar(PatentType.Invention, D("1999-06-01"));
        Assert.Equal(1, calendar.YearOf(D("1999-06-01")));
        Assert.Equal(1, calendar.YearOf(D("2000-05-31")));
        Assert.Equal(2, calendar.YearOf(D("2000-06-01")));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.YearOf(D("1999-05-31")));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualFees.For(PatentType.Invention, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualFees.SurchargeRate(7));
    }
}
