using Marketplace.Web.Features.Localization;
using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;

namespace Marketplace.Web.Features.Pledges;

public sealed record PatentValueRequest([property: RequiredField("Patent")] Guid? PatentId, [property: RequiredField("Value (CNY)")] decimal? Value);

public sealed record ValuationRequest(
    [property: RequiredField("Valuation method")] ValuationMethod? Method, [property: RequiredField("Appraiser")] string? Appraiser,
    [property: RequiredField("Report date")] DateOnly? ReportDate, [property: RequiredField("Report number")] string? ReportNumber);

public sealed record FinancialsRequest([property: RequiredField("Revenue (CNY)")] decimal? Revenue, [property: RequiredField("Profit (CNY)")] decimal? Profit, [property: RequiredField("Years trading")] int? YearsTrading);

/// <summary>A draft application as the applicant enters it (create, edit, and the eligibility preview).</summary>
public sealed record PledgeRequest(
    [property: RequiredField("Bank")] Guid? BankId,
    [property: RequiredField("Requested amount (CNY)")] decimal? RequestedAmount,
    [property: RequiredField("Term (months)")] int? TermMonths,
    [property: RequiredField("Purpose")] string? Purpose,
    [property: RequiredField("Patents")] List<PatentValueRequest>? Patents,
    [property: RequiredField("Valuation")] ValuationRequest? Valuation,
    [property: RequiredField("Financial summary")] FinancialsRequest? Financials,
    uint? Version)
{
    /// <summary>Validation attributes answer for a missing field first; these checks keep a nested gap a 400, not a 500.</summary>
    public PledgeDraft ToDraft()
    {
        var patents = Need(Patents, "patents");
        var valuation = Need(Valuation, "valuation");
        var financials = Need(Financials, "financials");
        return new PledgeDraft(
            Need(BankId, "bankId"), Need(RequestedAmount, "requestedAmount"), Need(TermMonths, "termMonths"), Purpose ?? "",
            patents.Select((p, i) => new PatentValue(Need(p?.PatentId, $"patents[{i}].patentId"), Need(p?.Value, $"patents[{i}].value"))).ToList(),
            new Valuation(Need(valuation.Method, "valuation.method"), valuation.Appraiser ?? "", Need(valuation.ReportDate, "valuation.reportDate"), valuation.ReportNumber ?? ""),
            new FinancialSummary(Need(financials.Revenue, "financials.revenue"), Need(financials.Profit, "financials.profit"), Need(financials.YearsTrading, "financials.yearsTrading")));
    }

    private static T Need<T>(T? value, string field) where T : struct =>
        value ?? throw new DomainRuleException(field, "This field is required.");

    private static T Need<T>(T? value, string field) where T : class =>
        value ?? throw new DomainRuleException(field, "This field is required.");
}

/// <summary>The body of a step: an optional comment (the question, answer or reason where one is needed) and the version read.</summary>
public sealed record StepRequest(string? Comment, uint? Version);

public sealed record RecommendRequest(
    [property: RequiredField("Amount (CNY)")] decimal? Amount, [property: RequiredField("Annual rate (%)")] decimal? RatePercent, [property: RequiredField("Term (months)")] int? TermMonths,
    string? Conditions, string? Comment, uint? Version);

public sealed record RegisterRequest([property: RequiredField("CNIPA registration number")] string? RegistrationNumber, [property: RequiredField("Registration date")] DateOnly? RegisteredOn, string? Comment, uint? Version);

/// <summary>A tranche; paid today unless a date is given.</summary>
public sealed record DisburseRequest([property: RequiredField("Amount (CNY)")] decimal? Amount, DateOnly? DisbursedOn, string? Comment, uint? Version);

public sealed record PolicyRequest(
    decimal InventionCapPercent, decimal UtilityModelCapPercent, decimal DesignCapPercent,
    int InventionMinYears, int UtilityModelMinYears, int DesignMinYears, uint? Version)
{
    public BankPledgePolicy ToPolicy() => new(InventionCapPercent, UtilityModelCapPercent, DesignCapPercent, InventionMinYears, UtilityModelMinYears, DesignMinYears);
}

public sealed record PolicyResponse(Guid BankId, BankPledgePolicy Policy, bool IsDefault, uint Version);

public sealed record PledgedPatentResponse(
    Guid PatentId, string ApplicationNumber, PatentType Type, string TitleZh, string? TitleEn, decimal Value,
    bool Eligible, IReadOnlyList<IneligibilityReason> Reasons, IReadOnlyList<string> ReasonTexts);

/// <summary>What the applicant sees before saving or submitting: each patent's eligibility and the loan-to-value picture.</summary>
public sealed record EligibilityResponse(IReadOnlyList<PledgedPatentResponse> Patents, LoanToValue LoanToValue, BankPledgePolicy Policy, bool AllEligible);

public sealed record PledgeResponse(
    Guid Id, PledgeStatus Status, Guid ApplicantId, string ApplicantNameZh, string? ApplicantNameEn,
    Guid BankId, string BankNameZh, string? BankNameEn, decimal RequestedAmount, int TermMonths, string Purpose,
    IReadOnlyList<PledgedPatentResponse> Patents, Valuation Valuation, FinancialSummary Financials, LoanToValue LoanToValue,
    string? InfoQuestion, string? InfoAnswer, Recommendation? Recommendation, Guid? RecommendedBy, Guid? DecidedBy, string? DecisionComment,
    decimal? ApprovedAmount, DateOnly? ApprovedOn, string? RegistrationNumber, DateOnly? RegisteredOn,
    IReadOnlyList<Disbursement> Disbursements, decimal DisbursedAmount, DateTimeOffset? PledgeeConsentAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, uint Version);

public sealed record PledgeRow(
    Guid Id, PledgeStatus Status, string ApplicantNameZh, string BankNameZh, decimal RequestedAmount, int PatentCount,
    DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

/// <summary>Queue filters: state, age in days since submission, requested amount.</summary>
public sealed class PledgeFilter
{
    public PledgeStatus? State { get; set; }
    public int? MinAgeDays { get; set; }
    public int? MaxAgeDays { get; set; }
    public decimal? MinAmount { get; set; }
    public decimal? MaxAmount { get; set; }
    public int? Page { get; set; }
}
