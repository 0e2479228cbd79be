namespace Marketplace.Domain.Patents;

/// <summary>
/// The statutory term, counted from the filing date (专利法 art. 42): invention 20 years, utility model 10,
/// design 15 when filed on or after 2021-06-01 (the fourth amendment) and 10 before. The term ends the day before
/// the anniversary of filing, e.g. an invention filed 2020-03-15 is in force up to and including 2040-03-14.
/// A term compensation (专利权期限补偿, art. 42(2) for examination delays, 42(3) for new drugs) adds the days CNIPA
/// granted; it is recorded on the patent from the register and moves the end by that many days.
/// </summary>
public static class PatentTerm
{
    public static readonly DateOnly FifteenYearDesignsFiledFrom = new(2021, 6, 1);

    public static int Years(PatentType type, DateOnly filingDate) => type switch
    {
        PatentType.Invention => 20,
        PatentType.UtilityModel => 10,
        PatentType.Design => filingDate >= FifteenYearDesignsFiledFrom ? 15 : 10,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown patent type."),
    };

    /// <summary>The last day of the term, after <paramref name="compensationDays"/> of term compensation.</summary>
    public static DateOnly End(PatentType type, DateOnly filingDate, int compensationDays = 0) =>
        Expiry(type, filingDate).AddDays(compensationDays - 1);

    /// <summary>
    /// How much of the term is left on <paramref name="today"/>, counted up to the anniversary on which the patent
    /// is no longer in force: on the filing date an invention has exactly 20 years left, on its last day 1 day.
    /// </summary>
    public static RemainingTerm Remaining(PatentType type, DateOnly filingDate, DateOnly today, int compensationDays = 0)
    {
        var expiry = Expiry(type, filingDate).AddDays(compensationDays);
        if (today >= expiry) return new RemainingTerm(0, 0, 0, 0, Expired: true);
        if (today < filingDate) today = filingDate;

        // Whole calendar months first (AddMonths clamps the 31st to shorter months' last day), then leftover days.
        var months = (expiry.Year - today.Year) * 12 + expiry.Month - today.Month;
        if (today.AddMonths(months) > expiry) months--;
        var days = expiry.DayNumber - today.AddMonths(months).DayNumber;
        return new RemainingTerm(months / 12, months % 12, days, expiry.DayNumber - today.DayNumber, Expired: false);
    }

    /// <summary>The statutory anniversary on which the term ends, before any compensation.</summary>
    public static DateOnly StatutoryExpiry(PatentType type, DateOnly filingDate) => Expiry(type, filingDate);

    // The anniversary. A 29 February filing has its anniversary on 1 March in common years, so its term ends on
    // 28 February: DateOnly.AddYears would clamp to 28 February and cut a day off the term.
    private static DateOnly Expiry(PatentType type, DateOnly filingDate)
    {
        var year = filingDate.Year + Years(type, filingDate);
        return filingDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, filingDate.Month, filingDate.Day);
    }
}

/// <summary>
/// Time left in a patent's term as years, months and days, plus the total in days. <see cref="TotalMonths"/> is
/// the whole months left, the longest licence the patent can still support.
/// </summary>
public readonly record struct RemainingTerm(int Years, int Months, int Days, int TotalDays, bool Expired)
{
    public int TotalMonths => Years * 12 + Months;
}
