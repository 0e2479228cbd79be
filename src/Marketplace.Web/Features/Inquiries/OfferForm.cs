using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Web.Features.Inquiries;

/// <summary>The offer form of a room page: every mode's fields are on the form, only the chosen mode's are sent on.</summary>
public sealed class OfferForm
{
    public TradeMode Mode { get; set; }
    public LicenceKind? LicenceKind { get; set; }
    public string? Territory { get; set; } = "中国大陆";
    public int? TermMonths { get; set; }
    public decimal? LumpSum { get; set; }
    public decimal? RoyaltyRatePercent { get; set; }
    public decimal? EquityValuation { get; set; }
    public decimal? EquitySharePercent { get; set; }
    public decimal? Price { get; set; }
    public string? Note { get; set; }

    public OfferTerms ToTerms() => Mode switch
    {
        TradeMode.Licence or TradeMode.OpenLicence => new OfferTerms(Mode, LicenceKind, Territory, TermMonths, LumpSum, RoyaltyRatePercent),
        TradeMode.Equity => new OfferTerms(Mode, EquityValuation: EquityValuation, EquitySharePercent: EquitySharePercent),
        _ => new OfferTerms(Mode, Price: Price),
    };
}
