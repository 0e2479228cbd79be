using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using static Marketplace.Domain.Tests.Listings.ListingSamples;

namespace Marketplace.Domain.Tests.Listings;

public sealed class ListingTermsTests
{
    [Fact]
    public void Modes_are_listed_in_a_fixed_order()
    {
        Assert.Equal(["Licence", "OpenLicence"], new ListingTerms(Licence(), OpenLicence(), null, null).Modes);
        Assert.Equal(["Licence", "OpenLicence", "Equity", "Transfer"], new ListingTerms(Licence(), OpenLicence(), Equity(), Transfer()).Validated().Modes);
        Assert.Equal(["Transfer"], new ListingTerms(null, null, null, Transfer()).Modes);
    }

    [Fact]
    public void At_least_one_mode_is_offered() =>
        Assert.Equal("modes", Assert.Throws<DomainRuleException>(() => new ListingTerms(null, null, null, null).Validated()).Field);

    [Fact]
    public void A_licence_or_open_licence_for_nothing_is_refused()
    {
        Assert.Equal("licence.lumpSum", Assert.Throws<DomainRuleException>(() => (Licence() with { LumpSum = 0, RoyaltyRatePercent = 0 }).Validated()).Field);
        Assert.Equal("openLicence.annualFee",
            Assert.Throws<DomainRuleException>(() => (OpenLicence() with { AnnualFee = 0, RoyaltyRatePercent = null }).Validated()).Field);
        Assert.Equal(2.5m, (Licence() with { LumpSum = 0, RoyaltyRatePercent = 2.5m }).Validated().RoyaltyRatePercent);
    }

    [Fact]
    public void Validation_returns_trimmed_terms()
    {
        var terms = new ListingTerms(Licence() with { Territory = " 山东省 " }, OpenLicence() with { PaymentMethod = " 转账 " }, null, null).Validated();
        Assert.Equal("山东省", terms.Licence!.Territory);
        Assert.Equal("转账", terms.OpenLicence!.PaymentMethod);
    }

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private static readonly Dictionary<string, (string Field, ListingTerms Terms)> Cases = new()
    {
        ["undefined licence kind"] = ("licence.kind", Only(Licence() with { Kind = (LicenceKind)5 })),
        ["blank territory"] = ("licence.territory", Only(Licence() with { Territory = " " })),
        ["territory too long"] = ("licence.territory", Only(Licence() with { Territory = new string('省', 101) })),
        ["zero months"] = ("licence.termMonths", Only(Licence(months: 0))),
        ["601 months"] = ("licence.termMonths", Only(Licence(months: 601))),
        ["licence without price"] = ("licence.lumpSum", Only(Licence() with { LumpSum = null, RoyaltyRatePercent = null })),
        ["negative lump sum"] = ("licence.lumpSum", Only(Licence() with { LumpSum = -1m })),
        ["royalty over 100"] = ("licence.royaltyRatePercent", Only(Licence() with { RoyaltyRatePercent = 101m })),
        ["open licence without fee"] = ("openLicence.annualFee", new(null, OpenLicence() with { AnnualFee = null }, null, null)),
        ["annual fee in tenths of fen"] = ("openLicence.annualFee", new(null, OpenLicence() with { AnnualFee = 1.234m }, null, null)),
        ["open royalty negative"] = ("openLicence.royaltyRatePercent", new(null, OpenLicence() with { RoyaltyRatePercent = -1m }, null, null)),
        ["no fee standard"] = ("openLicence.feeStandard", new(null, OpenLicence() with { FeeStandard = "" }, null, null)),
        ["fee standard too long"] = ("openLicence.feeStandard", new(null, OpenLicence() with { FeeStandard = new string('费', 1001) }, null, null)),
        ["no payment method"] = ("openLicence.paymentMethod", new(null, OpenLicence() with { PaymentMethod = null! }, null, null)),
        ["zero valuation"] = ("equity.valuation", new(null, null, new EquityTerms(0m, 10m), null)),
        ["absurd valuation"] = ("equity.valuation", new(null, null, new EquityTerms(Money.Max + 1, 10m), null)),
        ["zero share"] = ("equity.expectedSharePercent", new(null, null, new EquityTerms(1m, 0m), null)),
        ["share over 100"] = ("equity.expectedSharePercent", new(null, null, new EquityTerms(1m, 100.5m), null)),
        ["transfer with neither price nor negotiation"] = ("transfer.askingPrice", new(null, null, null, new TransferTerms(null, false))),
        ["negative asking price"] = ("transfer.askingPrice", new(null, null, null, new TransferTerms(-5m, true))),
        ["exclusive licence beside an open licence"] = ("licence.kind", new(Licence(LicenceKind.Exclusive), OpenLicence(), null, null)),
        ["sole licence beside an open licence"] = ("licence.kind", new(Licence(LicenceKind.Sole), OpenLicence(), null, null)),
    };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_refusal_names_its_field(string caseName)
    {
        var (field, terms) = Cases[caseName];
        var error = Assert.Throws<DomainRuleException>(() => terms.Validated());
        Assert.Equal(field, error.Field);
        Assert.False(error.IsConflict);
    }

    [Fact]
    public void Alternatives_that_are_allowed()
    {
        new ListingTerms(Licence(), OpenLicence(), null, null).Validated(); // non-exclusive beside open licence
        new ListingTerms(null, null, null, new TransferTerms(null, Negotiable: true)).Validated();
        new ListingTerms(Licence() with { LumpSum = null }, null, null, null).Validated(); // royalty only
        new ListingTerms(null, OpenLicence() with { AnnualFee = null, RoyaltyRatePercent = 2m }, null, null).Validated();
    }

    private static ListingTerms Only(LicenceTerms licence) => new(licence, null, null, null);
}
