using Marketplace.Domain.Common;
using Marketplace.Domain.Matchmaking;

namespace Marketplace.Domain.Tests.Matchmaking;

public sealed class TechnologyNeedTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public static NeedDetails Details(decimal? min = 100_000m, decimal? max = 500_000m, int days = 90) => new(
        "船舶导航定位技术", "需要一种用于近海船舶的低成本导航定位技术。", null, ["G01S 19/00"], ["导航", "船舶"],
        min, max, [TradeMode.Licence, TradeMode.Transfer], Today.AddDays(days), NeedVisibility.Public);

    private static string RefusedField(Action act) => Assert.Throws<DomainRuleException>(act).Field;

    [Fact]
    public void A_posted_need_waits_for_review_then_opens()
    {
        var need = TechnologyNeed.Post(Guid.NewGuid(), Details(), Today, Now);
        Assert.Equal(NeedStatus.PendingReview, need.Status);
        need.Approve(Today, Now);
        Assert.Equal(NeedStatus.Open, need.Status);
        Assert.Equal(Now, need.PublishedAt);
    }

    [Fact]
    public void Bad_details_are_refused_naming_the_field()
    {
        Assert.Equal("budgetMin", RefusedField(() => TechnologyNeed.Post(Guid.NewGuid(), Details(min: 600_000m), Today, Now)));
        Assert.Equal("deadline", RefusedField(() => TechnologyNeed.Post(Guid.NewGuid(), Details(days: 0), Today, Now)));
        Assert.Equal("deadline", RefusedField(() => TechnologyNeed.Post(Guid.NewGuid(), Details(days: 800), Today, Now)));
        Assert.Equal("budgetMax", RefusedField(() => TechnologyNeed.Post(Guid.NewGuid(), Details(max: -1), Today, Now)));
        Assert.Equal("ipcCodes[0]", RefusedField(() => TechnologyNeed.Post(Guid.NewGuid(), Details() with { IpcCodes = ["nonsense"] }, Today, Now)));
        Assert.Equal("preferredModes", RefusedField(() => TechnologyNeed.Post(Guid.NewGuid(), Details() with { PreferredModes = [] }, Today, Now)));
        Assert.Equal("title", RefusedField(() => TechnologyNeed.Post(Guid.NewGuid(), Details() with { Title = " " }, Today, Now)));
    }

    [Fact]
    public void A_need_expires_when_its_deadline_passes()
    {
        var need = TechnologyNeed.Post(Guid.NewGuid(), Details(days: 10), Today, Now);
        need.Approve(Today, Now);
        Assert.True(need.IsOpenOn(Today.AddDays(10)));
        Assert.Equal(NeedStatus.Expired, need.StatusOn(Today.AddDays(11)));
        Assert.True(need.ExpireIfDue(Today.AddDays(11), Now));
        Assert.False(need.ExpireIfDue(Today.AddDays(12), Now));
        Assert.Equal(NeedStatus.Expired, need.Status);
    }

    [Fact]
    public void An_expired_need_cannot_be_matched_even_before_the_sweep_stores_it()
    {
        var need = TechnologyNeed.Post(Guid.NewGuid(), Details(days: 10), Today, Now);
        need.Approve(Today, Now);
        var rule = Assert.Throws<DomainRuleException>(() => need.MarkMatched(Today.AddDays(11), Now));
        Assert.True(rule.IsConflict);
    }

    [Fact]
    public void Editing_an_open_need_sends_it_back_to_review()
    {
        var need = TechnologyNeed.Post(Guid.NewGuid(), Details(), Today, Now);
        need.Approve(Today, Now);
        need.Edit(Details(max: 800_000m), Today, Now);
        Assert.Equal((NeedStatus.PendingReview, 800_000m), (need.Status, need.Details.BudgetMax));
    }

    [Fact]
    public void Matched_and_closed_follow_the_lifecycle()
    {
        var need = TechnologyNeed.Post(Guid.NewGuid(), Details(), Today, Now);
        Assert.Throws<DomainRuleException>(() => need.MarkMatched(Today, Now));
        need.Approve(Today, Now);
        need.MarkMatched(Today, Now);
        Assert.Throws<DomainRuleException>(() => need.Edit(Details(), Today, Now));
        need.Close(Today, Now);
        Assert.Equal(NeedStatus.Closed, need.Status);
        Assert.DoesNotContain(TechnologyNeed.Lifecycle.Steps, step => step.Moves.ContainsKey(NeedStatus.Closed));
    }

    [Fact]
    public void Rejection_needs_a_reason()
    {
        var need = TechnologyNeed.Post(Guid.NewGuid(), Details(), Today, Now);
        Assert.Equal("reason", RefusedField(() => need.Reject(" ", Today, Now)));
        need.Reject("不属于园区重点领域", Today, Now);
        Assert.Equal(NeedStatus.Rejected, need.Status);
    }
}
