using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

public sealed class LegalStatusTableTests
{
    private const LegalStatus Pending = LegalStatus.Pending, Valid = LegalStatus.Valid, Lapsed = LegalStatus.Lapsed;

    /// <summary>Every word of the table, with the state it means, whether it implies a grant, and its event.
    /// Null state: an event alone, which says nothing of the state.</summary>
    public static readonly TheoryData<string, LegalStatus?, bool, LegalEvents> Words = new()
    {
        { "有效", Valid, true, LegalEvents.None }, { "有权", Valid, true, LegalEvents.None }, { "授权", Valid, true, LegalEvents.None },
        { "维持", Valid, true, LegalEvents.None }, { "审定授权", Valid, true, LegalEvents.None }, { "valid", Valid, true, LegalEvents.None },
        { "审中", Pending, false, LegalEvents.None }, { "在审", Pending, false, LegalEvents.None }, { "实质审查", Pending, false, LegalEvents.None },
        { "实审", Pending, false, LegalEvents.None }, { "公开", Pending, false, LegalEvents.None }, { "受理", Pending, false, LegalEvents.None },
        { "pending", Pending, false, LegalEvents.None },
        { "失效", Lapsed, false, LegalEvents.None }, { "无权", Lapsed, false, LegalEvents.None }, { "lapsed", Lapsed, false, LegalEvents.None },
        { "未缴年费", Lapsed, true, LegalEvents.None }, { "期限届满", Lapsed, true, LegalEvents.None }, { "权利终止", Lapsed, true, LegalEvents.None },
        { "专利权终止", Lapsed, true, LegalEvents.None }, { "全部无效", Lapsed, true, LegalEvents.None }, { "全部撤销", Lapsed, true, LegalEvents.None },
        { "避免重复授权", Lapsed, true, LegalEvents.None }, { "避重放弃", Lapsed, true, LegalEvents.None },
        { "驳回", Lapsed, false, LegalEvents.None }, { "撤回", Lapsed, false, LegalEvents.None }, { "放弃", Lapsed, false, LegalEvents.None },
        { "视为撤回", Lapsed, false, LegalEvents.None }, { "主动撤回", Lapsed, false, LegalEvents.None },
        { "视为放弃", Lapsed, false, LegalEvents.None }, { "主动放弃", Lapsed, false, LegalEvents.None },
        { "权利恢复", Valid, true, LegalEvents.None }, { "恢复", Valid, true, LegalEvents.None },
        { "质押", null, true, LegalEvents.Pledge }, { "质押登记", null, true, LegalEvents.Pledge }, { "质押解除", null, true, LegalEvents.Pledge },
        { "许可", null, false, LegalEvents.Licence }, { "许可备案", null, false, LegalEvents.Licence },
        { "权利转移", null, false, LegalEvents.Transfer }, { "转让", null, false, LegalEvents.Transfer },
        { "申请权转移", null, false, LegalEvents.Transfer }, { "专利权转移", null, false, LegalEvents.Transfer },
        { "保全", null, false, LegalEvents.Preservation }, { "保全解除", null, false, LegalEvents.Preservation },
        { "复审", null, false, LegalEvents.Reexamination },
        { "无效程序", null, false, LegalEvents.Invalidation }, { "无效宣告", null, false, LegalEvents.Invalidation },
        { "部分无效", null, false, LegalEvents.Invalidation }, { "诉讼", null, false, LegalEvents.Litigation },
        { "一案双申", null, false, LegalEvents.DualFiling }, { "口头审理", null, false, LegalEvents.None },
        { "著录事项变更", null, false, LegalEvents.None }, { "变更", null, false, LegalEvents.None }, { "海关备案", null, false, LegalEvents.None },
        { "实质审查的生效", Pending, false, LegalEvents.None }, { "发明专利申请公布", Pending, false, LegalEvents.None },
        { "发明专利申请公开", Pending, false, LegalEvents.None }, { "授权公告", Valid, true, LegalEvents.None },
        { "专利权的恢复", Valid, true, LegalEvents.None }, { "权利的恢复", Valid, true, LegalEvents.None },
        { "专利权的终止", Lapsed, true, LegalEvents.None }, { "未缴年费专利权终止", Lapsed, true, LegalEvents.None },
        { "专利权的全部无效", Lapsed, true, LegalEvents.None }, { "专利权有效期届满", Lapsed, true, LegalEvents.None },
        { "避免重复授权放弃专利权", Lapsed, true, LegalEvents.None },
        { "发明专利申请公布后的驳回", Lapsed, false, LegalEvents.None }, { "发明专利申请公布后的视为撤回", Lapsed, false, LegalEvents.None },
        { "发明专利申请公布后的撤回", Lapsed, false, LegalEvents.None }, { "专利申请的视为撤回", Lapsed, false, LegalEvents.None },
        { "专利权的视为放弃", Lapsed, false, LegalEvents.None }, { "专利权的主动放弃", Lapsed, true, LegalEvents.None },
        { "专利申请的驳回", Lapsed, false, LegalEvents.None },
        { "专利申请权、专利权的转移", null, false, LegalEvents.Transfer }, { "专利申请权、专利权的转移（专利权的转移）", null, false, LegalEvents.Transfer },
        { "专利实施许可合同备案的生效、变更及注销", null, false, LegalEvents.Licence }, { "专利实施许可合同备案的生效", null, false, LegalEvents.Licence },
        { "专利权质押合同登记的生效、变更及注销", null, true, LegalEvents.Pledge }, { "专利权质押合同登记的生效", null, true, LegalEvents.Pledge },
        { "专利权质押合同登记的注销", null, true, LegalEvents.Pledge },
        { "专利权的保全及其解除", null, false, LegalEvents.Preservation }, { "专利权的部分无效", null, false, LegalEvents.Invalidation },
        { "专利权人的姓名或者名称、地址的变更", null, false, LegalEvents.None },
        { "著录事项变更（专利权人的姓名或者名称、地址的变更）", null, false, LegalEvents.None },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Each_word_means_one_state(string word, LegalStatus? status, bool granted, LegalEvents events)
    {
        var reading = LegalStatusTable.Read(word)!;
        Assert.Equal((status, granted, events), (reading.Status, reading.Granted, reading.Events));
    }

    [Fact]
    public void Every_word_of_the_table_has_its_test() =>
        Assert.Empty(LegalStatusTable.KnownWords.Except(Words.Select(w => (string)w[0])));

    [Theory]
    [InlineData("有权-审定授权", LegalStatus.Valid, true)]
    [InlineData("审中-实审", LegalStatus.Pending, false)]
    [InlineData("无权-视为撤回", LegalStatus.Lapsed, false)]
    [InlineData("无权-未缴年费", LegalStatus.Lapsed, true)]
    [InlineData("撤回-视为撤回", LegalStatus.Lapsed, false)]
    [InlineData("放弃-视为放弃", LegalStatus.Lapsed, false)]
    [InlineData("撤回－主动撤回", LegalStatus.Lapsed, false)]
    public void Hyphenated_words_are_read_by_their_prefix(string cell, LegalStatus status, bool granted)
    {
        var reading = LegalStatusTable.Read(cell)!;
        Assert.Equal((status, granted, cell), (reading.Status, reading.Granted, reading.Reason));
    }

    [Fact]
    public void Granted_with_a_review_word_in_its_detail_is_not_pending() =>
        Assert.Equal(LegalStatus.Valid, LegalStatusTable.Read("有权-审定授权")!.Status);

    [Theory]
    [InlineData("授权 | 质押 | 一案双申", LegalStatus.Valid, LegalEvents.Pledge | LegalEvents.DualFiling)]
    [InlineData("未缴年费 | 一案双申 | 权利转移", LegalStatus.Lapsed, LegalEvents.DualFiling | LegalEvents.Transfer)]
    [InlineData("授权 | 许可 | 复审", LegalStatus.Valid, LegalEvents.Licence | LegalEvents.Reexamination)]
    [InlineData("实质审查 | 诉讼 | 复审", LegalStatus.Pending, LegalEvents.Litigation | LegalEvents.Reexamination)]
    [InlineData("未缴年费 | 权利恢复", LegalStatus.Valid, LegalEvents.None)]
    [InlineData("实质审查的生效；授权", LegalStatus.Valid, LegalEvents.None)]
    [InlineData("授权；专利权的终止", LegalStatus.Lapsed, LegalEvents.None)]
    [InlineData("授权 | 质押 | 保全 | 一案双申", LegalStatus.Valid, LegalEvents.Pledge | LegalEvents.Preservation | LegalEvents.DualFiling)]
    public void Several_words_give_one_state_and_keep_the_events(string cell, LegalStatus status, LegalEvents events)
    {
        var reading = LegalStatusTable.Read(cell)!;
        Assert.Equal((status, events), (reading.Status, reading.Events));
    }

    [Fact]
    public void A_lapse_keeps_its_own_words_as_the_reason() =>
        Assert.Equal("未缴年费", LegalStatusTable.Read("未缴年费 | 一案双申 | 权利转移")!.Reason);

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(null)]
    public void An_empty_cell_says_nothing(string? cell) => Assert.Null(LegalStatusTable.Read(cell));

    [Fact]
    public void An_unknown_word_is_refused_not_guessed()
    {
        var error = Assert.Throws<DomainRuleException>(() => LegalStatusTable.Read("授权 | 审查中止"));
        Assert.Equal("legalStatus", error.Field);
        Assert.Contains("审查中止", error.Message);
    }
}
