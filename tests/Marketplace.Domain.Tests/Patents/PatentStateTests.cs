using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using static Marketplace.Domain.Tests.Patents.PatentSamples;

namespace Marketplace.Domain.Tests.Patents;

public sealed class PatentStateTests
{
    [Fact]
    public void Update_replaces_the_details_and_the_timestamp()
    {
        var patent = Create();
        patent.Update(CoOwned() with { TitleZh = "一种改进的系泊装置" }, Now.AddDays(1));
        Assert.Equal("一种改进的系泊装置", patent.TitleZh);
        Assert.Equal(2, patent.Owners.Count);
        Assert.Equal(Now, patent.CreatedAt);
        Assert.Equal(Now.AddDays(1), patent.UpdatedAt);
    }

    [Fact]
    public void Update_cannot_change_the_application_number()
    {
        var patent = Create();
        var error = Assert.Throws<DomainRuleException>(() => patent.Update(Details() with { ApplicationNumber = "201710601862.3", FilingDate = new DateOnly(2017, 4, 1) }, Now));
        Assert.Equal("applicationNumber", error.Field);
        Assert.True(error.IsConflict);
        patent.Update(Details() with { ApplicationNumber = "ZL2023101048435" }, Now); // same number, other spelling
    }

    [Fact]
    public void Update_cannot_drop_the_managing_owner()
    {
        var patent = Create();
        var error = Assert.Throws<DomainRuleException>(() => patent.Update(Details() with { Owners = [new(Enterprise, 100m, true)] }, Now));
        Assert.Equal("owners", error.Field);
        Assert.Equal(University, patent.Owners.Single().OrganizationId);
    }

    [Fact]
    public void A_granted_valid_patent_in_its_term_is_in_force_and_listable()
    {
        var patent = Create();
        Assert.True(patent.IsGranted);
        Assert.Equal(new DateOnly(2043, 1, 9), patent.TermEnd);
        Assert.True(patent.IsInForce(Today));
        Assert.True(patent.IsInForce(patent.TermEnd));
        Assert.False(patent.IsInForce(patent.TermEnd.AddDays(1)));
        Assert.Null(patent.WhyNotListable(Today)?.ToString());
        Assert.Equal(PatentTerm.Remaining(PatentType.Invention, patent.FilingDate, Today), patent.Remaining(Today));
    }

    [Fact]
    public void An_application_not_yet_granted_is_not_listable()
    {
        var patent = Create(Pending());
        Assert.False(patent.IsInForce(Today));
        Assert.Contains("not been granted", patent.WhyNotListable(Today)?.ToString());
    }

    [Fact]
    public void A_lapsed_patent_is_not_listable_and_says_why()
    {
        var patent = Create(Lapsed());
        Assert.False(patent.IsInForce(Today));
        Assert.Contains("lapsed (未缴年费专利权终止)", patent.WhyNotListable(Today)?.ToString());
    }

    [Fact]
    public void An_expired_patent_is_not_listable() =>
        Assert.Contains("term ended on 2043-01-09", Create().WhyNotListable(new DateOnly(2043, 1, 10))?.ToString());

    [Fact]
    public void Every_co_owner_must_consent()
    {
        Assert.Null(Create(CoOwned()).WhyNotListable(Today));
        Assert.Equal("Every co-owner must consent to listing.", Create(CoOwned(enterpriseConsents: false)).WhyNotListable(Today)?.ToString());
    }
}
