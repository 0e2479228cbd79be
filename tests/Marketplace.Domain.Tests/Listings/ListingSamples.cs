using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Tests.Patents;

namespace Marketplace.Domain.Tests.Listings;

internal static class ListingSamples
{
    public static readonly Guid Office = PatentSamples.University;

    public static LicenceTerms Licence(LicenceKind kind = LicenceKind.NonExclusive, int months = 36) =>
        new(kind, "中国大陆", months, LumpSum: 200_000m, RoyaltyRatePercent: 3.5m);

    public static OpenLicenceTerms OpenLicence(bool reportNoted = false) =>
        new(AnnualFee: 50_000m, RoyaltyRatePercent: null, "年费5万元，按年支付；许可期限至专利权终止。", "银行转账", reportNoted);

    public static EquityTerms Equity() => new(3_000_000m, 15m);

    public static TransferTerms Transfer() => new(AskingPrice: 800_000m, Negotiable: true);

    public static ListingTerms LicenceOnly(LicenceKind kind = LicenceKind.NonExclusive) => new(Licence(kind), null, null, null);

    public static Listing Create(Patent? patent = null, ListingTerms? terms = null, PledgeState? pledge = null) =>
        Listing.Create(patent ?? PatentSamples.Create(), Office, terms ?? LicenceOnly(), "可提供技术指导。",
            pledge ?? PledgeState.None, PatentSamples.Today, PatentSamples.Now);
}
