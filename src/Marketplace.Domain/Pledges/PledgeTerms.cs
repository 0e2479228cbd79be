using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Pledges;

public enum ValuationMethod { Income, Cost, Market }

/// <summary>One pledged patent as appraised. The type is kept with it so the loan-to-value cap needs no lookup.</summary>
public sealed record PledgedPatent(Guid PatentId, PatentType Type, decimal Value);

/// <summary>The appraiser's report; the appraised value is the sum of the pledged patents' values.</summary>
public sealed record Valuation(ValuationMethod Method, string Appraiser, DateOnly ReportDate, string ReportNumber)
{
    /// <summary>Banks re-appraise after a year; an older report is shown as stale, not refused.</summary>
    // Written from today back, so a report dated in year 9999 (refused elsewhere, previewed here) cannot overflow.
    public bool IsStale(DateOnly today) => ReportDate < today.AddMonths(-12);

    public Valuation Validated(DateOnly today)
    {
        if (!Enum.IsDefined(Method))
            throw new DomainRuleException("valuation.method", "The valuation method must be Income, Cost or Market.");
        if (ReportDate > today || ReportDate < PatentDetails.FirstFilingDate)
            throw new DomainRuleException("valuation.reportDate", "The valuation report date must be a past date.");
        return new Valuation(Method,
            TextRules.Required(Appraiser, "valuation.appraiser", "Appraiser", 200),
            ReportDate,
            TextRules.Required(ReportNumber, "valuation.reportNumber", "Report number", 60));
    }
}

/// <summary>The applicant's short financial picture; profit may be a loss.</summary>
public sealed record FinancialSummary(decimal Revenue, decimal Profit, int YearsTrading)
{
    public FinancialSummary Validated()
    {
        Money.Cny(Math.Abs(Profit), "financials.profit");
        if (YearsTrading is < 0 or > 200)
            throw new DomainRuleException("financials.yearsTrading", "Years trading is a whole number from 0 to 200.");
        return new FinancialSummary(Money.Cny(Revenue, "financials.revenue"), Profit, YearsTrading);
    }
}

/// <summary>What the applicant asks for: lender, amount, term, purpose, and each pledged patent with its appraised value.</summary>
public sealed record PledgeDraft(
    Guid BankOrganizationId, decimal RequestedAmount, int TermMonths, string Purpose,
    IReadOnlyList<PatentValue> Patents, Valuation Valuation, FinancialSummary Financials)
{
    public const int MaxPatents = 20;

    public PledgeDraft Validated(DateOnly today)
    {
        if (BankOrganizationId == Guid.Empty)
            throw new DomainRuleException("bankId", "Choose the bank.");
        if (Patents is null || Patents.Count is 0 or > MaxPatents)
            throw new DomainRuleException("patents", new Text("Pledge 1 to {0} patents.", MaxPatents));
        if (Patents.Select(p => p.PatentId).Distinct().Count() != Patents.Count)
            throw new DomainRuleException("patents", "Each patent can be pledged once per application.");
        var values = Patents.Select((p, i) => p with { Value = PledgeAmounts.Positive(p.Value, $"patents[{i}].value") }).ToList();
        return new PledgeDraft(BankOrganizationId,
            PledgeAmounts.Positive(RequestedAmount, "requestedAmount"),
            PledgeAmounts.Months(TermMonths, "termMonths"),
            TextRules.Required(Purpose, "purpose", "Purpose", 500, multiline: true),
            values, Valuation.Validated(today), Financials.Validated());
    }
}

public sealed record PatentValue(Guid PatentId, decimal Value);

/// <summary>The officer's proposal that the approver decides on.</summary>
public sealed record Recommendation(decimal Amount, decimal RatePercent, int TermMonths, string? Conditions)
{
    public Recommendation Validated()
    {
        if (Money.Percent(RatePercent, "ratePercent") is 0 or > 36)
            throw new DomainRuleException("ratePercent", "The annual rate must be above 0 % and at most 36 %.");
        return new Recommendation(PledgeAmounts.Positive(Amount, "amount"), RatePercent, PledgeAmounts.Months(TermMonths, "termMonths"),
            TextRules.Optional(Conditions, "conditions", "Conditions", 1000, multiline: true));
    }
}

/// <summary>One tranche paid out; it counts toward the target in the (China) year of <see cref="On"/>.</summary>
public sealed record Disbursement(decimal Amount, DateOnly On);

internal static class PledgeAmounts
{
    public const int MaxTermMonths = 120;

    public static decimal Positive(decimal amount, string field) => Money.Cny(amount, field) > 0
        ? amount
        : throw new DomainRuleException(field, "The amount must be more than zero.");

    public static int Months(int months, string field) => months is >= 1 and <= MaxTermMonths
        ? months
        : throw new DomainRuleException(field, new Text("The term is 1 to {0} months.", MaxTermMonths));
}
