using Marketplace.Domain.Common;
using Marketplace.Domain.Matchmaking;
using static Marketplace.Domain.Tests.Matchmaking.TechnologyNeedTests;

namespace Marketplace.Domain.Tests.Matchmaking;

public sealed class NeedLifecycleTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    public enum Action { Edit, Approve, Reject, RequestRework, Match, Close, Expire }

    // What each action does and from which states; everything else must be refused.
    private static NeedStatus? Expected(NeedStatus from, Action action) => (action, from) switch
    {
        (Action.Edit, NeedStatus.PendingReview or NeedStatus.Rework or NeedStatus.Open) => NeedStatus.PendingReview,
        (Action.Approve, NeedStatus.PendingReview) => NeedStatus.Open,
        (Action.Reject, NeedStatus.PendingReview) => NeedStatus.Rejected,
        (Action.RequestRework, NeedStatus.PendingReview) => NeedStatus.Rework,
        (Action.Match, NeedStatus.Open) => NeedStatus.Matched,
        (Action.Close, NeedStatus.PendingReview or NeedStatus.Rework or NeedStatus.Open or NeedStatus.Matched) => NeedStatus.Closed,
        (Action.Expire, NeedStatus.PendingReview or NeedStatus.Rework or NeedStatus.Open) => NeedStatus.Expired,
        _ => null,
    };

    public static TheoryData<NeedStatus, Action> EveryStateAndAction()
    {
        var data = new TheoryData<NeedStatus, Action>();
        foreach (var status in Enum.GetValues<NeedStatus>())
            foreach (var action in Enum.GetValues<Action>().Where(a => a != Action.Expire))
                data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Each_action_moves_only_from_its_allowed_states(NeedStatus from, Action action)
    {
        var need = NeedIn(from);
        if (Expected(from, action) is { } to)
        {
            Do(need, action);
            Assert.Equal(to, need.Status);
            Assert.Equal(Later, need.UpdatedAt);
            Assert.True(to == from || TechnologyNeed.Lifecycle.CanMove(from, to), $"{from} → {to} is missing from the table");
        }
        else
        {
            var error = Assert.Throws<DomainRuleException>(() => Do(need, action));
            Assert.Equal("status", error.Field);
            Assert.True(error.IsConflict);
            Assert.StartsWith($"A need in state {from} cannot be ", error.Message);
            Assert.Equal(from, need.Status);
        }
    }

    [Theory]
    [InlineData(NeedStatus.PendingReview, true)]
    [InlineData(NeedStatus.Rework, true)]
    [InlineData(NeedStatus.Open, true)]
    [InlineData(NeedStatus.Matched, false)]
    [InlineData(NeedStatus.Closed, false)]
    public void Only_the_states_the_table_lets_expire_expire(NeedStatus from, bool expires)
    {
        var need = NeedIn(from);
        Assert.Equal(expires, need.ExpireIfDue(Today.AddDays(91), Later));
        Assert.Equal(expires ? NeedStatus.Expired : from, need.Status);
    }

    [Fact]
    public void Every_move_in_the_table_is_made_by_some_action_and_no_other_move_is()
    {
        foreach (var from in Enum.GetValues<NeedStatus>())
            foreach (var to in Enum.GetValues<NeedStatus>().Where(t => t != from))
            {
                var made = Enum.GetValues<Action>().Any(a => Expected(from, a) == to);
                Assert.True(made == TechnologyNeed.Lifecycle.CanMove(from, to), $"{from} → {to}");
            }
        Assert.Equal(Enum.GetValues<Action>().Length, TechnologyNeed.Lifecycle.Steps.Count);
    }

    [Fact]
    public void A_need_past_its_deadline_is_refused_as_expired()
    {
        var need = NeedIn(NeedStatus.Open);
        Assert.Equal("A need in state Expired cannot be closed.",
            Assert.Throws<DomainRuleException>(() => need.Close(Today.AddDays(91), Later)).Message);
        Assert.Equal(NeedStatus.Open, need.Status);
    }

    private static TechnologyNeed NeedIn(NeedStatus status)
    {
        var need = TechnologyNeed.Post(Guid.NewGuid(), Details(), Today, Now);
        switch (status)
        {
            case NeedStatus.PendingReview: break;
            case NeedStatus.Rework: need.RequestRework("请补充预算依据。", Today, Now); break;
            case NeedStatus.Rejected: need.Reject("不属于园区重点领域。", Today, Now); break;
            case NeedStatus.Open: need.Approve(Today, Now); break;
            case NeedStatus.Matched: need.Approve(Today, Now); need.MarkMatched(Today, Now); break;
            case NeedStatus.Closed: need.Close(Today, Now); break;
            case NeedStatus.Expired: need.ExpireIfDue(Today.AddDays(91), Now); break;
        }
        Assert.Equal(status, need.Status);
        return need;
    }

    private static void Do(TechnologyNeed need, Action action)
    {
        switch (action)
        {
            case Action.Edit: need.Edit(Details(max: 800_000m), Today, Later); break;
            case Action.Approve: need.Approve(Today, Later); break;
            case Action.Reject: need.Reject("不符合要求。", Today, Later); break;
            case Action.RequestRework: need.RequestRework("请补充材料。", Today, Later); break;
            case Action.Match: need.MarkMatched(Today, Later); break;
            case Action.Close: need.Close(Today, Later); break;
        }
    }
}
