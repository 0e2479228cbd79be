namespace Marketplace.Domain.Matchmaking;

/// <summary>How a patent changes hands; the names equal the listing modes (<c>ListingTerms.Modes</c>).</summary>
public enum TradeMode
{
    Licence,
    OpenLicence,
    Equity,
    Transfer,
}
