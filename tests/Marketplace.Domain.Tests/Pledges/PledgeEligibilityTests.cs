using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Domain.Tests.Patents;
using static Marketplace.Domain.Tests.Pledges.PledgeSamples;

namespace Marketplace.Domain.Tests.Pledges;

public sealed class PledgeEligibilityTests
{
    private static IReadOnlyList<IneligibilityReason> Reasons(Patent patent, bool pledged = false, BankPledgePolicy? policy = null, DateOnly? today = null) =>
        PledgeEligibility.Check(patent, Enterprise, pledged, policy ?? BankPledgePolicy.Default, today ?? Today).Reasons;

    [Fact]
    public void A_granted_invention_of_the_applicant_with_fees_paid_and_term_left_is_eligible() =>
        Assert.Empty(Reasons(EnterprisePatent()));

    [Fact]
    public void A_patent_of_another_organisation_is_not() =>
        Assert.Equal([IneligibilityReason.NotOwnedByApplicant], Reasons(PatentSamples.Create()));

    [Fact]
    public void A_co_owned_patent_needs_every_co_owners_consent()
    {
        var withoutConsent = Patent.Create(PatentSamples.CoOwned(enterpriseConsents: true) with
        {
            Owners = [new PatentOwner(PatentSamples.University, 60m, false), new PatentOwner(Enterprise, 40m, true)],
        }, Enterprise, Now);
        Assert.Equal([IneligibilityReason.CoOwnerConsentMissing], Reasons(withoutConsent));
        withoutConsent.RecordConsent(PatentSamples.University, Now);
        Assert.Empty(Reasons(withoutConsent));
    }

    [Fact]
    public void Pending_lapsed_and_expired_patents_are_not()
    {
        Assert.Contains(IneligibilityReason.NotGranted, Reasons(EnterprisePatent(PatentSamples.Pending())));
        Assert.Equal([IneligibilityReason.NotInForce], Reasons(EnterprisePatent(PatentSamples.Lapsed())));
        Assert.Equal([IneligibilityReason.NotInForce], Reasons(EnterprisePatent(), today: new DateOnly(2043, 1, 10)));
    }

    [Fact]
    public void A_patent_under_an_active_pledge_is_not() =>
        Assert.Equal([IneligibilityReason.UnderActivePledge], Reasons(EnterprisePatent(), pledged: true));

    [Fact]
    public void Unpaid_or_unknown_annual_fees_make_it_ineligible()
    {
        Assert.Equal([IneligibilityReason.AnnualFeesUnpaid], Reasons(EnterprisePatent(PatentSamples.Details() with { FeesPaidThrough = null })));
        Assert.Equal([IneligibilityReason.AnnualFeesUnpaid], Reasons(EnterprisePatent(), today: new DateOnly(2027, 1, 10)));
    }

    [Fact]
    public void The_minimum_remaining_term_is_per_type_and_per_bank()
    {
        // The utility model ends 2031-03-01: 4 years 3 months left on 2026-11-25.
        var utility = EnterprisePatent(PatentSamples.UtilityModel() with { FeesPaidThrough = new DateOnly(2027, 3, 1) });
        Assert.Empty(Reasons(utility));
        Assert.Equal([IneligibilityReason.TermTooShort], Reasons(utility, policy: BankPledgePolicy.Default with { UtilityModelMinYears = 5 }));
        Assert.Equal([IneligibilityReason.TermTooShort], Reasons(EnterprisePatent(), policy: BankPledgePolicy.Default with { InventionMinYears = 17 }));
    }

    [Fact]
    public void Submitting_with_an_ineligible_patent_names_its_place_in_the_request()
    {
        var good = EnterprisePatent();
        var foreign = PatentSamples.Create(PatentSamples.Details() with { ApplicationNumber = "202310104844.X" });
        var draft = Draft(good) with { Patents = [new PatentValue(good.Id, 1_000_000m), new PatentValue(foreign.Id, 1_000_000m)] };
        var error = Assert.Throws<DomainRuleException>(() => PledgeApplication.Create(Enterprise, draft, Check(good, foreign), Now));
        Assert.Equal("patents[1].patentId", error.Field);
        Assert.Contains("not owned by the applicant", error.Message);
    }

    [Theory]
    [InlineData(0, "requestedAmount")]
    [InlineData(-5, "requestedAmount")]
    [InlineData(0.001, "requestedAmount")]
    [InlineData(2_000_000_000_000, "requestedAmount")]
    public void Amounts_must_be_positive_fen_within_limits(decimal amount, string field)
    {
        var patent = EnterprisePatent();
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() =>
            PledgeApplication.Create(Enterprise, Draft(patent, requested: amount), Check(patent), Now)).Field);
    }

    [Fact]
    public void Draft_fields_are_named_when_wrong()
    {
        var patent = EnterprisePatent();
        string Field(PledgeDraft draft) => Assert.Throws<DomainRuleException>(() => PledgeApplication.Create(Enterprise, draft, Check(patent), Now)).Field;
        Assert.Equal("termMonths", Field(Draft(patent) with { TermMonths = 0 }));
        Assert.Equal("purpose", Field(Draft(patent) with { Purpose = " " }));
        Assert.Equal("patents[0].value", Field(Draft(patent, value: 0m)));
        Assert.Equal("valuation.reportDate", Field(Draft(patent) with { Valuation = Valuation(Today.AddDays(1)) }));
        Assert.Equal("bankId", Field(Draft(patent) with { BankOrganizationId = Guid.Empty }));
    }

    [Fact]
    public void The_maximum_loan_applies_each_types_cap_and_flags_a_request_above_it()
    {
        PledgedPatent[] patents = [new(Guid.NewGuid(), PatentType.Invention, 2_000_000m), new(Guid.NewGuid(), PatentType.UtilityModel, 1_000_000m)];
        var ltv = LoanToValue.Assess(patents, BankPledgePolicy.Default, 1_400_000m, Valuation(), Today);
        Assert.Equal(3_000_000m, ltv.AppraisedValue);
        Assert.Equal(1_300_000m, ltv.MaxLoan);
        Assert.Equal(46.67m, ltv.RatioPercent);
        Assert.True(ltv.ExceedsMax);
        var generous = LoanToValue.Assess(patents, BankPledgePolicy.Default with { InventionCapPercent = 60m }, 1_400_000m, Valuation(), Today);
        Assert.Equal(1_500_000m, generous.MaxLoan);
        Assert.False(generous.ExceedsMax);
    }

    [Fact]
    public void A_valuation_older_than_twelve_months_is_flagged()
    {
        Assert.False(Valuation(Today.AddMonths(-12)).IsStale(Today));
        Assert.True(Valuation(Today.AddMonths(-12).AddDays(-1)).IsStale(Today));
    }

    [Fact]
    public void A_recommendation_above_the_maximum_loan_is_refused()
    {
        var (application, _) = In(PledgeStatus.UnderReview);
        var error = Assert.Throws<DomainRuleException>(() =>
            application.Recommend(Officer, Recommendation(1_500_000.01m), BankPledgePolicy.Default, Now));
        Assert.Equal("amount", error.Field);
        Assert.Equal(PledgeStatus.UnderReview, application.Status);
    }

    [Fact]
    public void Bank_policies_are_checked()
    {
        Assert.Equal("designCapPercent", Assert.Throws<DomainRuleException>(() => (BankPledgePolicy.Default with { DesignCapPercent = 101m }).Validated()).Field);
        Assert.Equal("inventionMinYears", Assert.Throws<DomainRuleException>(() => (BankPledgePolicy.Default with { InventionMinYears = -1 }).Validated()).Field);
    }
}
