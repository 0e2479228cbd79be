using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Tests.Patents;
using static Marketplace.Domain.Tests.Listings.ListingSamples;

namespace Marketplace.Domain.Tests.Listings;

public sealed class ListingCreateTests
{
    private static readonly PledgeState PledgedWithoutConsent = new(UnderActivePledge: true, PledgeeConsentRecorded: false);

    [Fact]
    public void A_new_listing_is_a_draft_with_validated_terms()
    {
        var patent = PatentSamples.Create();
        var listing = Listing.Create(patent, Office, LicenceOnly() with { Licence = Licence() with { Territory = " 中国大陆 " } },
            "  可提供技术指导。 ", PledgeState.None, PatentSamples.Today, PatentSamples.Now);
        Assert.Equal(ListingStatus.Draft, listing.Status);
        Assert.Equal(patent.Id, listing.PatentId);
        Assert.Equal(Office, listing.OrganizationId);
        Assert.Equal("中国大陆", listing.Terms.Licence!.Territory);
        Assert.Equal("可提供技术指导。", listing.Description);
        Assert.Null(listing.PublishedAt);
        Assert.Equal(PatentSamples.Now, listing.CreatedAt);
        Assert.Equal(0u, listing.Version);
    }

    [Fact]
    public void Blank_description_is_null_and_long_ones_are_refused()
    {
        var patent = PatentSamples.Create();
        Assert.Null(Listing.Create(patent, Office, LicenceOnly(), " ", PledgeState.None, PatentSamples.Today, PatentSamples.Now).Description);
        var error = Assert.Throws<DomainRuleException>(() =>
            Listing.Create(patent, Office, LicenceOnly(), new string('述', 2001), PledgeState.None, PatentSamples.Today, PatentSamples.Now));
        Assert.Equal("description", error.Field);
    }

    public static TheoryData<string> UnlistablePatents => new("pending", "lapsed", "co-owner has not consented");

    [Theory]
    [MemberData(nameof(UnlistablePatents))]
    public void A_patent_that_is_not_listable_is_refused_as_a_conflict(string which)
    {
        var patent = PatentSamples.Create(which switch
        {
            "pending" => PatentSamples.Pending(),
            "lapsed" => PatentSamples.Lapsed(),
            _ => PatentSamples.CoOwned(enterpriseConsents: false),
        });
        var error = Assert.Throws<DomainRuleException>(() => Create(patent));
        Assert.Equal("patentId", error.Field);
        Assert.True(error.IsConflict);
        Assert.Equal(patent.WhyNotListable(PatentSamples.Today)?.ToString(), error.Message);
    }

    [Fact]
    public void An_expired_patent_is_refused() =>
        Assert.Equal("patentId", Assert.Throws<DomainRuleException>(() => Listing.Create(PatentSamples.Create(), Office, LicenceOnly(), null,
            PledgeState.None, new DateOnly(2043, 1, 10), PatentSamples.Now)).Field);

    [Fact]
    public void A_licence_may_not_outlast_the_patent()
    {
        var patent = PatentSamples.Create(); // 2026-11-25 → expiry 2043-01-10: 16 years, 1 month, 16 days
        Assert.Equal(193, patent.Remaining(PatentSamples.Today).TotalMonths);
        Assert.Equal(193, Create(patent, new ListingTerms(Licence(months: 193), null, null, null)).Terms.Licence!.TermMonths);
        var error = Assert.Throws<DomainRuleException>(() => Create(patent, new ListingTerms(Licence(months: 194), null, null, null)));
        Assert.Equal("licence.termMonths", error.Field);
        Assert.Contains("at most 193 months", error.Message);
    }

    [Fact]
    public void An_open_licence_for_a_utility_model_needs_an_evaluation_report()
    {
        var utilityModel = PatentSamples.Create(PatentSamples.UtilityModel());
        var error = Assert.Throws<DomainRuleException>(() => Create(utilityModel, new ListingTerms(null, OpenLicence(reportNoted: false), null, null)));
        Assert.Equal("openLicence.evaluationReportNoted", error.Field);
        Assert.Contains("评价报告", error.Message);
        Assert.Equal(["OpenLicence"], Create(utilityModel, new ListingTerms(null, OpenLicence(reportNoted: true), null, null)).Terms.Modes);
    }

    [Fact]
    public void An_open_licence_for_an_invention_needs_no_evaluation_report() =>
        Assert.NotNull(Create(terms: new ListingTerms(null, OpenLicence(reportNoted: false), null, null)).Terms.OpenLicence);

    public static TheoryData<string> DisposingModes => new("transfer", "equity", "exclusive licence");

    private static ListingTerms Disposing(string mode) => mode switch
    {
        "transfer" => new ListingTerms(null, null, null, Transfer()),
        "equity" => new ListingTerms(null, null, Equity(), null),
        _ => LicenceOnly(LicenceKind.Exclusive),
    };

    [Theory]
    [MemberData(nameof(DisposingModes))]
    public void A_pledged_patent_needs_the_pledgee_s_consent_to_be_disposed_of(string mode)
    {
        var error = Assert.Throws<DomainRuleException>(() => Create(terms: Disposing(mode), pledge: PledgedWithoutConsent));
        Assert.Equal("modes", error.Field);
        Assert.True(error.IsConflict);
        Assert.Contains("pledgee's consent", error.Message);
        Assert.Equal(ListingStatus.Draft, Create(terms: Disposing(mode), pledge: new PledgeState(true, PledgeeConsentRecorded: true)).Status);
    }

    [Fact]
    public void Non_exclusive_and_sole_licences_of_a_pledged_patent_are_not_blocked()
    {
        Assert.False(PledgeState.None.BlocksDisposal);
        Create(terms: LicenceOnly(LicenceKind.NonExclusive), pledge: PledgedWithoutConsent);
        Create(terms: LicenceOnly(LicenceKind.Sole), pledge: PledgedWithoutConsent);
        Create(terms: new ListingTerms(null, OpenLicence(), null, null), pledge: PledgedWithoutConsent);
    }
}
