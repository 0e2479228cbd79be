using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Listings;

/// <summary>An ordinary licence offered for negotiation. The listing checks the term against the patent's remaining term.</summary>
public sealed record LicenceTerms(LicenceKind Kind, string Territory, int TermMonths, decimal? LumpSum, decimal? RoyaltyRatePercent)
{
    /// <summary>Fifty years: longer than any patent term, so more is a typing mistake.</summary>
    public const int MaxTermMonths = 600;

    public LicenceTerms Validated()
    {
        var checks = new RuleChecks();
        checks.Run(() =>
        {
            if (!Enum.IsDefined(Kind))
                throw new DomainRuleException("licence.kind", "The licence kind must be Exclusive, Sole or NonExclusive.");
        });
        checks.Try(() => TextRules.Required(Territory, "licence.territory", "Territory", 100), out var territory);
        checks.Run(() =>
        {
            if (TermMonths is < 1 or > MaxTermMonths)
                throw new DomainRuleException("licence.termMonths", new Text("The licence term must be 1 to {0} months.", MaxTermMonths));
        });
        checks.Run(() =>
        {
            // A licence for nothing is not on offer: 0 counts as no fee (a free licence would need no marketplace).
            if (LumpSum is null or 0 && RoyaltyRatePercent is null or 0)
                throw new DomainRuleException("licence.lumpSum", "Give a lump sum, a royalty rate, or both.");
        });
        checks.Try(() => Money.CnyOrNull(LumpSum, "licence.lumpSum"), out var lumpSum);
        checks.Try(() => RoyaltyRatePercent is { } r ? Money.Percent(r, "licence.royaltyRatePercent") : (decimal?)null, out var rate);
        checks.ThrowIfAny();
        return new LicenceTerms(Kind, territory, TermMonths, lumpSum, rate);
    }
}

/// <summary>
/// 开放许可 (专利法 arts. 50–52, since 2021-06-01): the patentee publishes a fee standard and anyone may take a
/// non-exclusive licence by notifying and paying. Utility models and designs need a patent evaluation report
/// (专利权评价报告) first; <see cref="EvaluationReportNoted"/> records that the office has one.
/// </summary>
public sealed record OpenLicenceTerms(
    decimal? AnnualFee, decimal? RoyaltyRatePercent, string FeeStandard, string PaymentMethod, bool EvaluationReportNoted)
{
    public OpenLicenceTerms Validated()
    {
        var checks = new RuleChecks();
        checks.Run(() =>
        {
            if (AnnualFee is null or 0 && RoyaltyRatePercent is null or 0)
                throw new DomainRuleException("openLicence.annualFee", "Give an annual fee, a royalty rate, or both.");
        });
        checks.Try(() => Money.CnyOrNull(AnnualFee, "openLicence.annualFee"), out var fee);
        checks.Try(() => RoyaltyRatePercent is { } r ? Money.Percent(r, "openLicence.royaltyRatePercent") : (decimal?)null, out var rate);
        checks.Try(() => TextRules.Required(FeeStandard, "openLicence.feeStandard", "Published fee standard", 1000, multiline: true), out var feeStandard);
        checks.Try(() => TextRules.Required(PaymentMethod, "openLicence.paymentMethod", "Payment method", 200), out var paymentMethod);
        checks.ThrowIfAny();
        return new OpenLicenceTerms(fee, rate, feeStandard, paymentMethod, EvaluationReportNoted);
    }
}

/// <summary>Contribution of the patent as capital (作价入股) in exchange for a share of the company.</summary>
public sealed record EquityTerms(decimal Valuation, decimal ExpectedSharePercent)
{
    public EquityTerms Validated()
    {
        var checks = new RuleChecks();
        checks.Run(() =>
        {
            if (Money.Cny(Valuation, "equity.valuation") == 0)
                throw new DomainRuleException("equity.valuation", "The valuation must be more than 0 yuan.");
        });
        checks.Run(() =>
        {
            if (Money.Percent(ExpectedSharePercent, "equity.expectedSharePercent") == 0)
                throw new DomainRuleException("equity.expectedSharePercent", "The expected share must be more than 0%.");
        });
        checks.ThrowIfAny();
        return this;
    }
}

/// <summary>Assignment of the patent right (转让), at an asking price or open to offers.</summary>
public sealed record TransferTerms(decimal? AskingPrice, bool Negotiable)
{
    public TransferTerms Validated()
    {
        if (AskingPrice is null && !Negotiable)
            throw new DomainRuleException("transfer.askingPrice", "Give an asking price or mark the price as negotiable.");
        return new TransferTerms(Money.CnyOrNull(AskingPrice, "transfer.askingPrice"), Negotiable);
    }
}
