using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Domain.Tests.Negotiations;

public sealed class OfferTermsTests
{
    private static string RefusedField(OfferTerms terms) => Assert.Throws<DomainRuleException>(() => terms.Validated()).Field;

    [Fact]
    public void Each_mode_needs_its_own_fields()
    {
        Assert.Equal("licenceKind", RefusedField(new OfferTerms(TradeMode.Licence, Territory: "中国", TermMonths: 12, LumpSum: 1)));
        Assert.Equal("termMonths", RefusedField(new OfferTerms(TradeMode.Licence, LicenceKind.Sole, "中国", 0, 1)));
        Assert.Equal("lumpSum", RefusedField(new OfferTerms(TradeMode.Licence, LicenceKind.Sole, "中国", 12)));
        Assert.Equal("territory", RefusedField(new OfferTerms(TradeMode.Licence, LicenceKind.Sole, " ", 12, 1)));
        Assert.Equal("equityValuation", RefusedField(new OfferTerms(TradeMode.Equity, EquitySharePercent: 10)));
        Assert.Equal("equitySharePercent", RefusedField(new OfferTerms(TradeMode.Equity, EquityValuation: 1_000_000m, EquitySharePercent: 120)));
        Assert.Equal("price", RefusedField(new OfferTerms(TradeMode.Transfer, Price: 0)));
    }

    [Theory]
    [InlineData(TradeMode.Licence, 0, 0)]
    [InlineData(TradeMode.Licence, 0, null)]
    [InlineData(TradeMode.Licence, null, 0)]
    [InlineData(TradeMode.OpenLicence, 0, 0)]
    public void A_licence_offer_with_neither_fee_nor_royalty_is_refused(TradeMode mode, int? lumpSum, int? royalty) =>
        Assert.Equal("lumpSum", RefusedField(new OfferTerms(mode, mode == TradeMode.Licence ? LicenceKind.Sole : null, "中国", 12, lumpSum, royalty)));

    [Fact]
    public void A_royalty_alone_or_a_fee_alone_is_a_licence_offer()
    {
        Assert.Equal(0m, new OfferTerms(TradeMode.Licence, LicenceKind.Sole, "中国", 12, 0, 3).Validated().ContractAmount);
        Assert.Equal(1m, new OfferTerms(TradeMode.Licence, LicenceKind.Sole, "中国", 12, 1, 0).Validated().ContractAmount);
    }

    [Fact]
    public void Amounts_outside_limits_are_refused()
    {
        Assert.Equal("price", RefusedField(new OfferTerms(TradeMode.Transfer, Price: -5)));
        Assert.Equal("price", RefusedField(new OfferTerms(TradeMode.Transfer, Price: Money.Max + 1)));
        Assert.Equal("lumpSum", RefusedField(new OfferTerms(TradeMode.Licence, LicenceKind.Sole, "中国", 12, 1.001m)));
    }

    [Fact]
    public void Fields_of_another_mode_are_refused()
    {
        Assert.Equal("lumpSum", RefusedField(new OfferTerms(TradeMode.Transfer, LumpSum: 5, Price: 100)));
    }

    [Fact]
    public void An_open_licence_is_never_exclusive()
    {
        Assert.Equal("licenceKind", RefusedField(new OfferTerms(TradeMode.OpenLicence, LicenceKind.Exclusive, "中国", 12, 1)));
        Assert.Equal(LicenceKind.NonExclusive, new OfferTerms(TradeMode.OpenLicence, null, "中国", 12, 1).Validated().LicenceKind);
    }

    [Theory]
    [InlineData(TradeMode.Transfer, 800_000)]
    [InlineData(TradeMode.Equity, 2_000_000)]
    public void The_contract_amount_is_the_price_or_the_valuation(TradeMode mode, decimal expected)
    {
        var terms = mode == TradeMode.Transfer
            ? new OfferTerms(mode, Price: 800_000m)
            : new OfferTerms(mode, EquityValuation: 2_000_000m, EquitySharePercent: 15m);
        Assert.Equal(expected, terms.Validated().ContractAmount);
    }
}
