using Marketplace.Domain.Patents;
using static Marketplace.Domain.Tests.Patents.PatentSamples;

namespace Marketplace.Domain.Tests.Patents;

public sealed class SleepingPatentRuleTests
{
    [Fact]
    public void A_granted_university_patent_never_put_to_use_is_sleeping() =>
        Assert.True(SleepingPatentRule.IsSleeping(Create(), Today, heldByResearchBody: true));

    [Fact]
    public void An_enterprise_patent_is_never_sleeping() =>
        Assert.False(SleepingPatentRule.IsSleeping(Create(), Today, heldByResearchBody: false));

    [Theory]
    [InlineData(LegalEvents.Licence)]
    [InlineData(LegalEvents.Transfer)]
    [InlineData(LegalEvents.Pledge)]
    public void A_licence_transfer_or_pledge_in_the_register_wakes_it(LegalEvents recorded)
    {
        var patent = Create(Details() with { RecordedEvents = recorded });
        Assert.False(SleepingPatentRule.IsSleeping(patent, Today, true));
        Assert.True(SleepingPatentRule.IsAwakened(patent));
    }

    [Theory]
    [InlineData(LegalEvents.DualFiling)]
    [InlineData(LegalEvents.Reexamination)]
    [InlineData(LegalEvents.Invalidation)]
    public void Other_events_leave_it_asleep(LegalEvents recorded) =>
        Assert.True(SleepingPatentRule.IsSleeping(Create(Details() with { RecordedEvents = recorded }), Today, true));

    [Fact]
    public void A_transfer_made_here_wakes_it_for_good()
    {
        var patent = Create();
        patent.TransferTo(University, Now);
        Assert.Equal(Today, patent.AwakenedOn);
        Assert.Null(SleepingPatentRule.SleepsUntil(patent, true));
    }

    [Fact]
    public void A_licence_recorded_here_wakes_it()
    {
        var patent = Create();
        patent.MarkPutToUse(Today.AddDays(-3), Now);
        patent.MarkPutToUse(Today, Now);
        Assert.Equal(Today.AddDays(-3), patent.AwakenedOn);
        Assert.False(SleepingPatentRule.IsSleeping(patent, Today, true));
    }

    [Fact]
    public void Pending_lapsed_and_expired_patents_do_not_sleep()
    {
        Assert.False(SleepingPatentRule.IsSleeping(Create(Pending()), Today, true));
        Assert.False(SleepingPatentRule.IsSleeping(Create(Lapsed()), Today, true));
        Assert.False(SleepingPatentRule.IsSleeping(Create(), new DateOnly(2043, 1, 10), true));
        Assert.True(SleepingPatentRule.IsSleeping(Create(), new DateOnly(2043, 1, 9), true));
    }

    [Fact]
    public void It_sleeps_until_its_term_ends() =>
        Assert.Equal(new DateOnly(2043, 1, 9), SleepingPatentRule.SleepsUntil(Create(), true));

    [Fact]
    public void Statistics_judge_the_listing_day_by_history_not_by_the_current_holder()
    {
        var patent = Create();
        patent.TransferTo(Enterprise, Now);
        Assert.True(SleepingPatentRule.WasSleepingWhenListed(patent, Today.AddMonths(-2), listerIsResearchBody: true));
        Assert.False(SleepingPatentRule.WasSleepingWhenListed(patent, Today.AddDays(1), listerIsResearchBody: true));
        Assert.False(SleepingPatentRule.WasSleepingWhenListed(patent, Today.AddMonths(-2), listerIsResearchBody: false));
    }
}
