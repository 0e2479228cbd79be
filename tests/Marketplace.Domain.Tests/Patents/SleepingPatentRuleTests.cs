using Marketplace.Domain.Patents;
using static Marketplace.Domain.Tests.Patents.PatentSamples;

namespace Marketplace.Domain.Tests.Patents;

public sealed class SleepingPatentRuleTests
{
    // The sample was granted on 2024-06-18.
    [Fact]
    public void A_university_patent_never_transacted_is_sleeping_at_once() =>
        Assert.True(SleepingPatentRule.IsSleeping(Create(), Today, ownedByUniversity: true, everTransactedOnPlatform: false, idleYears: 3));

    [Fact]
    public void An_enterprise_patent_sleeps_once_it_has_been_granted_idle_years_ago()
    {
        var patent = Create();
        Assert.False(SleepingPatentRule.IsSleeping(patent, new DateOnly(2027, 6, 17), false, false, idleYears: 3));
        Assert.False(SleepingPatentRule.IsSleeping(patent, new DateOnly(2027, 6, 18), false, false, idleYears: 4));
        Assert.True(SleepingPatentRule.IsSleeping(patent, new DateOnly(2027, 6, 18), false, false, idleYears: 3));
    }

    [Fact]
    public void A_patent_transacted_on_the_platform_is_awake() =>
        Assert.False(SleepingPatentRule.IsSleeping(Create(), Today, true, everTransactedOnPlatform: true, idleYears: 0));

    [Fact]
    public void Only_patents_in_force_can_sleep()
    {
        Assert.False(SleepingPatentRule.IsSleeping(Create(Pending()), Today, true, false, 0));
        Assert.False(SleepingPatentRule.IsSleeping(Create(Lapsed()), Today, true, false, 0));
        Assert.False(SleepingPatentRule.IsSleeping(Create(), new DateOnly(2043, 1, 10), true, false, 0));
        Assert.True(SleepingPatentRule.IsSleeping(Create(), new DateOnly(2043, 1, 9), true, false, 0));
    }

    [Fact]
    public void Negative_idle_years_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SleepingPatentRule.IsSleeping(Create(), Today, false, false, -1));
}
