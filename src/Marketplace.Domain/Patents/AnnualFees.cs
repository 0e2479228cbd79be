namespace Marketplace.Domain.Patents;

/// <summary>
/// CNIPA's annual fees (年费) in yuan, full amounts before any fee reduction (费减), per patent year and type, and the
/// late-payment surcharge (滞纳金). Source: CNIPA's fee schedule 专利收费标准 (国家知识产权局 专利收费、集成电路布图设计收费
/// 标准, in force since 2017-07-01, with the design years 11–15 added for the 15-year designs of the 2021 law), as restated
/// by agents' pages found with the search tool on 2026-12-06: an English restatement of CNIPA's table (invention
/// 900/1,200/2,000/4,000/6,000/8,000 for years 1–3/4–6/7–9/10–12/13–15/16–20; utility model 600/900/1,200/2,000 for
/// 1–3/4–5/6–8/9–10; design the same plus 3,000 for 11–15) and, for the surcharge, m.ljsggw.cn and
/// m.trustexporter.com/cz12741924.htm: no surcharge when paid within one month of the due date, then 5 % of that year's
/// full fee for each further month begun, up to 25 % in the sixth month (专利法实施细则 of 2010, art. 98;
/// renumbered, not changed, by the 2023 revision).
/// The official page on cnipa.gov.cn was not in the searchable corpus; check it when the schedule changes.
/// </summary>
public static class AnnualFees
{
    /// <summary>A fee band: the fee applies from <c>FromYear</c> up to the next band's first year.</summary>
    private static readonly (int FromYear, decimal Fee)[] Invention = [(1, 900m), (4, 1200m), (7, 2000m), (10, 4000m), (13, 6000m), (16, 8000m)];
    private static readonly (int FromYear, decimal Fee)[] UtilityModel = [(1, 600m), (4, 900m), (6, 1200m), (9, 2000m)];
    private static readonly (int FromYear, decimal Fee)[] Design = [(1, 600m), (4, 900m), (6, 1200m), (9, 2000m), (11, 3000m)];

    public const decimal SurchargePerMonth = 0.05m;
    public const int GraceMonths = 6;

    /// <summary>
    /// The full annual fee for patent year <paramref name="year"/> (the first year starts on the filing date). Years
    /// beyond the statutory term exist only under a term compensation (专利权期限补偿); they are charged at the last
    /// band's amount, which is our assumption: the schedule we could read names no separate amount for them.
    /// </summary>
    public static decimal For(PatentType type, int year)
    {
        if (year < 1) throw new ArgumentOutOfRangeException(nameof(year), year, "Patent years start at 1.");
        var bands = type switch
        {
            PatentType.Invention => Invention,
            PatentType.UtilityModel => UtilityModel,
            PatentType.Design => Design,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown patent type."),
        };
        return bands.Last(b => b.FromYear <= year).Fee;
    }

    /// <summary>The surcharge rate for paying <paramref name="monthsBegun"/> months after the due date (1 = within
    /// the first month): 0 % in the first month, then 5 % per month, 25 % in the sixth.</summary>
    public static decimal SurchargeRate(int monthsBegun)
    {
        if (monthsBegun is < 1 or > GraceMonths)
            throw new ArgumentOutOfRangeException(nameof(monthsBegun), monthsBegun, "The grace period is 6 months.");
        return SurchargePerMonth * (monthsBegun - 1);
    }
}
