using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Negotiations;

/// <summary>
/// What one offer proposes. Which fields apply depends on the mode: a licence has a kind, territory, term and a
/// lump sum and/or royalty; an open licence has the published fee; equity a valuation and share; a transfer a
/// price. Fields of other modes must be left empty, so an offer never carries terms nobody negotiated.
/// </summary>
public sealed record OfferTerms(
    TradeMode Mode,
    LicenceKind? LicenceKind = null,
    string? Territory = null,
    int? TermMonths = null,
    decimal? LumpSum = null,
    decimal? RoyaltyRatePercent = null,
    decimal? EquityValuation = null,
    decimal? EquitySharePercent = null,
    decimal? Price = null)
{
    /// <summary>The contract amount a deal made from this offer counts toward the park's target, CNY.</summary>
    public decimal ContractAmount => Mode switch
    {
        TradeMode.Licence or TradeMode.OpenLicence => LumpSum ?? 0m,
        TradeMode.Equity => EquityValuation ?? 0m,
        _ => Price ?? 0m,
    };

    public OfferTerms Validated()
    {
        if (!Enum.IsDefined(Mode)) throw new DomainRuleException("mode", "The mode is Licence, OpenLicence, Equity or Transfer.");
        return Mode switch
        {
            TradeMode.Licence or TradeMode.OpenLicence => Licence(),
            TradeMode.Equity => Only("equityValuation", "equitySharePercent") with
            {
                EquityValuation = Positive(EquityValuation, "equityValuation"),
                EquitySharePercent = PositivePercent(EquitySharePercent, "equitySharePercent"),
            },
            _ => Only("price") with { Price = Positive(Price, "price") },
        };
    }

    private OfferTerms Licence()
    {
        var checkedTerms = Only("licenceKind", "territory", "termMonths", "lumpSum", "royaltyRatePercent");
        if (Mode == TradeMode.OpenLicence && LicenceKind is not (null or Listings.LicenceKind.NonExclusive))
            throw new DomainRuleException("licenceKind", "An open licence is always non-exclusive.");
        var kind = Mode == TradeMode.OpenLicence ? Listings.LicenceKind.NonExclusive
            : LicenceKind is { } k && Enum.IsDefined(k) ? k
            : throw new DomainRuleException("licenceKind", "The licence kind must be Exclusive, Sole or NonExclusive.");
        if (TermMonths is not (>= 1 and <= LicenceTerms.MaxTermMonths))
            throw new DomainRuleException("termMonths", new Text("The licence term must be 1 to {0} months.", LicenceTerms.MaxTermMonths));
        // Zero is no fee: a licence offer for nothing at all is refused, not signed as a deal worth 0 yuan.
        if (LumpSum is null or 0 && RoyaltyRatePercent is null or 0)
            throw new DomainRuleException("lumpSum", "Give a lump sum, a royalty rate, or both.");
        return checkedTerms with
        {
            LicenceKind = kind,
            Territory = TextRules.Required(Territory, "territory", "Territory", 100),
            LumpSum = Money.CnyOrNull(LumpSum, "lumpSum"),
            RoyaltyRatePercent = RoyaltyRatePercent is { } rate ? Money.Percent(rate, "royaltyRatePercent") : null,
        };
    }

    /// <summary>Refuses a field that does not belong to this offer's mode.</summary>
    private OfferTerms Only(params string[] allowed)
    {
        var given = new (string Field, bool Set)[]
        {
            ("licenceKind", LicenceKind is not null), ("territory", !string.IsNullOrWhiteSpace(Territory)), ("termMonths", TermMonths is not null),
            ("lumpSum", LumpSum is not null), ("royaltyRatePercent", RoyaltyRatePercent is not null),
            ("equityValuation", EquityValuation is not null), ("equitySharePercent", EquitySharePercent is not null), ("price", Price is not null),
        };
        foreach (var (field, set) in given)
            if (set && !allowed.Contains(field))
                throw new DomainRuleException(field, new Text("{0} does not apply to an offer of mode {1}; leave it empty.", Label(field), Mode));
        return this;
    }

    /// <summary>How the offer form labels each field, so a refusal names what the user saw.</summary>
    private static Text Label(string field) => field switch
    {
        "licenceKind" => "Licence kind",
        "territory" => "Territory",
        "termMonths" => "Term (months)",
        "lumpSum" => "Lump sum (CNY)",
        "royaltyRatePercent" => "Royalty (%)",
        "equityValuation" => "Valuation (CNY, equity)",
        "equitySharePercent" => "Share (%)",
        _ => "Price (CNY, transfer)",
    };

    private static decimal Positive(decimal? amount, string field) =>
        Money.Cny(amount ?? throw new DomainRuleException(field, new Text("{0}: give an amount in yuan.", Label(field))), field) is > 0 and var value
            ? value
            : throw new DomainRuleException(field, new Text("{0} must be more than 0 yuan.", Label(field)));

    private static decimal PositivePercent(decimal? value, string field) =>
        Money.Percent(value ?? throw new DomainRuleException(field, "Give the share in percent."), field) is > 0 and var share
            ? share
            : throw new DomainRuleException(field, "The share must be more than 0%.");

    /// <summary>An open licence on the published terms: the fee for the term the enterprise takes (whole years, at least one).</summary>
    public static OfferTerms ForOpenLicence(OpenLicenceTerms published, int termMonths) => new(
        TradeMode.OpenLicence, Listings.LicenceKind.NonExclusive, "中国大陆", termMonths,
        published.AnnualFee is { } fee ? fee * Math.Max(1, (termMonths + 11) / 12) : null, published.RoyaltyRatePercent);
}
