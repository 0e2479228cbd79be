namespace Marketplace.Domain.Patents;

/// <summary>
/// The dates a patent lives by. Patent years run from the filing date, not the grant date or the calendar year
/// (审查指南 part V ch. 9 §2.2.1: filed 1999-06-01, year 1 is 1999-06-01 to 2000-05-31). The fee for a year is due on
/// that year's first day, the filing date's anniversary; an anniversary that does not exist (29 February in a common
/// year) falls on the month's last day (专利法实施细则 art. 5). A deadline on a public holiday moves to the next
/// working day under the same article; that is not modelled, so reminders and grace ends err a few days early.
/// </summary>
public sealed record PatentCalendar(PatentType Type, DateOnly FilingDate, int CompensationDays = 0)
{
    /// <summary>The last day of the term, compensation included.</summary>
    public DateOnly TermEnd => PatentTerm.End(Type, FilingDate, CompensationDays);

    /// <summary>The first day of patent year <paramref name="year"/>, which is also its fee's due date.</summary>
    public DateOnly YearStart(int year) => FilingDate.AddYears(year - 1);

    /// <summary>
    /// The last year that starts within the term. A year begun under a term compensation counts whole; a 29 February
    /// filing's clamped anniversary in its expiry year (28 February, the term's last day) does not start a year.
    /// </summary>
    public int LastYear
    {
        get
        {
            var years = PatentTerm.Years(Type, FilingDate);
            var statutoryExpiry = PatentTerm.StatutoryExpiry(Type, FilingDate);
            while (YearStart(years + 1) >= statutoryExpiry && YearStart(years + 1) <= TermEnd) years++;
            return years;
        }
    }

    /// <summary>The patent year <paramref name="day"/> falls in (1 on the filing date).</summary>
    public int YearOf(DateOnly day)
    {
        if (day < FilingDate) throw new ArgumentOutOfRangeException(nameof(day), day, "Before the filing date.");
        var year = day.Year - FilingDate.Year + 1;
        return YearStart(year) <= day ? year : year - 1;
    }

    public AnnualFee Fee(int year) => new(year, YearStart(year), AnnualFees.For(Type, year));

    /// <summary>The last day covered once the fees up to <paramref name="year"/> are paid.</summary>
    public DateOnly PaidThrough(int year) => year >= LastYear ? TermEnd : YearStart(year + 1).AddDays(-1);

    /// <summary>The first fee not covered by fees paid through <paramref name="paidThrough"/>; null when they cover the
    /// whole term. A paid-through date inside a year covers that year (a year is paid whole or not at all).</summary>
    public AnnualFee? NextFee(DateOnly paidThrough)
    {
        var year = paidThrough < FilingDate ? 1 : YearOf(paidThrough) + 1;
        return year > LastYear ? null : Fee(year);
    }

    /// <summary>Every fee from <paramref name="fromYear"/> to the end of the term.</summary>
    public IEnumerable<AnnualFee> Fees(int fromYear = 1)
    {
        for (var year = Math.Max(1, fromYear); year <= LastYear; year++) yield return Fee(year);
    }
}

/// <summary>One patent year's annual fee: due on <see cref="DueDate"/>, payable with a surcharge until <see cref="GraceEnds"/>.</summary>
public readonly record struct AnnualFee(int Year, DateOnly DueDate, decimal Amount)
{
    /// <summary>The last day of the six-month grace period (滞纳期); unpaid after it, the right ends as of <see cref="DueDate"/>.</summary>
    public DateOnly GraceEnds => DueDate.AddMonths(AnnualFees.GraceMonths);

    /// <summary>0 when paid on or before the due date, else the month of the grace period <paramref name="paidOn"/> falls
    /// in (1 up to one month after the due date, … 6 up to <see cref="GraceEnds"/>), 7 after it.</summary>
    public int MonthsBegun(DateOnly paidOn)
    {
        if (paidOn <= DueDate) return 0;
        for (var month = 1; month <= AnnualFees.GraceMonths; month++)
            if (paidOn <= DueDate.AddMonths(month)) return month;
        return AnnualFees.GraceMonths + 1;
    }

    public bool InGrace(DateOnly today) => today > DueDate && today <= GraceEnds;

    /// <summary>The surcharge for paying on <paramref name="paidOn"/>, in yuan with 2 decimals; null after the grace
    /// period, when the fee can no longer be paid (the right has ended; only a restoration brings it back).</summary>
    public decimal? Surcharge(DateOnly paidOn) => MonthsBegun(paidOn) switch
    {
        0 => 0m,
        > AnnualFees.GraceMonths => null,
        var months => Math.Round(Amount * AnnualFees.SurchargeRate(months), 2, MidpointRounding.AwayFromZero),
    };
}
