using Marketplace.Domain.Evidence;
using Marketplace.Domain.Targets;
using Marketplace.Domain.Common;
using Marketplace.Domain.Pledges;
using static Marketplace.Domain.Tests.Pledges.PledgeSamples;

namespace Marketplace.Domain.Tests.Pledges;

public sealed class PledgeStateMachineTests
{
    private static readonly DateTimeOffset Later = Now.AddHours(1);

    public enum Step { Edit, Submit, Take, RequestInfo, Answer, Recommend, Approve, Reject, Register, Disburse, Repay, Default, Release, Withdraw, Consent }

    // What each step does and from which states; everything else must be refused.
    private static PledgeStatus? Expected(PledgeStatus from, Step step) => (step, from) switch
    {
        (Step.Edit, PledgeStatus.Draft) => PledgeStatus.Draft,
        (Step.Submit, PledgeStatus.Draft) => PledgeStatus.Submitted,
        (Step.Take, PledgeStatus.Submitted) => PledgeStatus.UnderReview,
        (Step.RequestInfo, PledgeStatus.UnderReview) => PledgeStatus.InfoRequested,
        (Step.Answer, PledgeStatus.InfoRequested) => PledgeStatus.UnderReview,
        (Step.Recommend, PledgeStatus.UnderReview) => PledgeStatus.Recommended,
        (Step.Approve, PledgeStatus.Recommended) => PledgeStatus.Approved,
        (Step.Reject, PledgeStatus.UnderReview or PledgeStatus.Recommended) => PledgeStatus.Rejected,
        (Step.Register, PledgeStatus.Approved) => PledgeStatus.PledgeRegistered,
        (Step.Disburse, PledgeStatus.PledgeRegistered or PledgeStatus.Disbursed) => PledgeStatus.Disbursed,
        (Step.Repay, PledgeStatus.Disbursed) => PledgeStatus.Repaid,
        (Step.Default, PledgeStatus.Disbursed) => PledgeStatus.Defaulted,
        (Step.Release, PledgeStatus.Repaid or PledgeStatus.Defaulted) => PledgeStatus.Released,
        (Step.Consent, PledgeStatus.PledgeRegistered or PledgeStatus.Disbursed or PledgeStatus.Repaid or PledgeStatus.Defaulted) => from,
        (Step.Withdraw, PledgeStatus.Draft or PledgeStatus.Submitted or PledgeStatus.UnderReview or PledgeStatus.InfoRequested
            or PledgeStatus.Recommended) => PledgeStatus.Withdrawn,
        _ => null,
    };

    public static TheoryData<PledgeStatus, Step> EveryStateAndStep()
    {
        var data = new TheoryData<PledgeStatus, Step>();
        foreach (var status in Enum.GetValues<PledgeStatus>())
            foreach (var step in Enum.GetValues<Step>())
                data.Add(status, step);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void Each_step_moves_only_from_its_allowed_states(PledgeStatus from, Step step)
    {
        var (application, patent) = In(from);
        Assert.Equal(from, application.Status);
        if (Expected(from, step) is { } to)
        {
            Do(application, step, patent);
            Assert.Equal(to, application.Status);
            Assert.Equal(Later, application.UpdatedAt);
            Assert.True(to == from || PledgeApplication.Lifecycle.CanMove(from, to), $"{from} → {to} is missing from the table");
        }
        else
        {
            var error = Assert.Throws<DomainRuleException>(() => Do(application, step, patent));
            Assert.Equal("status", error.Field);
            Assert.True(error.IsConflict);
            Assert.StartsWith($"An application in state {from} cannot be ", error.Message);
            Assert.Equal(from, application.Status);
        }
    }

    [Fact]
    public void Every_move_in_the_table_is_made_by_some_step_and_no_other_move_is()
    {
        foreach (var from in Enum.GetValues<PledgeStatus>())
            foreach (var to in Enum.GetValues<PledgeStatus>().Where(t => t != from))
            {
                var made = Enum.GetValues<Step>().Any(s => Expected(from, s) == to);
                Assert.True(made == PledgeApplication.Lifecycle.CanMove(from, to), $"{from} → {to}");
            }
    }

    [Theory]
    [InlineData(PledgeStatus.Rejected)]
    [InlineData(PledgeStatus.Withdrawn)]
    [InlineData(PledgeStatus.Released)]
    public void Ends_have_no_way_out(PledgeStatus status) =>
        Assert.DoesNotContain(PledgeApplication.Lifecycle.Steps, step => step.Moves.ContainsKey(status));

    [Fact]
    public void Every_step_of_the_table_is_a_method_of_the_application()
    {
        // The table and the methods are one list: a step added to the table without a method (or the reverse) fails here.
        Assert.Equal(Enum.GetValues<Step>().Length, PledgeApplication.Lifecycle.Steps.Count);
    }

    [Fact]
    public void The_recommending_officer_cannot_approve_or_reject()
    {
        var (application, _) = In(PledgeStatus.Recommended);
        Assert.IsType<ForbiddenActionException>(Record.Exception(() => application.Approve(Officer, null, Later)));
        Assert.IsType<ForbiddenActionException>(Record.Exception(() => application.Reject(Officer, "不同意。", Later)));
        Assert.Equal(PledgeStatus.Recommended, application.Status);
        application.Approve(Approver, null, Later);
        Assert.Equal(Approver, application.DecidedByUserId);
        Assert.Equal(1_000_000m, application.ApprovedAmount);
    }

    [Fact]
    public void An_account_created_by_the_preparing_officer_cannot_decide()
    {
        var (application, _) = In(PledgeStatus.Recommended);
        var puppet = new Checker(Guid.NewGuid(), CreatedByUserId: Officer);
        Assert.Equal("decidedBy", Assert.Throws<ForbiddenActionException>(() => application.Approve(puppet, null, Later)).Field);
        Assert.Throws<ForbiddenActionException>(() => application.Reject(puppet, "不同意。", Later));
        Assert.Equal(PledgeStatus.Recommended, application.Status);
        application.Approve(new Checker(Approver, CreatedByUserId: Guid.NewGuid()), null, Later);
        Assert.Equal(PledgeStatus.Approved, application.Status);
    }

    [Fact]
    public void The_officer_who_took_the_application_cannot_decide_what_a_colleague_recommended()
    {
        var patent = EnterprisePatent();
        var a = PledgeApplication.Create(Enterprise, Draft(patent), Check(patent), Now);
        a.Submit(Check(patent), Now);
        var taker = Guid.NewGuid();
        a.Take(taker, Now);
        a.Recommend(Officer, Recommendation(), BankPledgePolicy.Default, Now);
        Assert.Throws<ForbiddenActionException>(() => a.Approve(taker, null, Later));
        Assert.Throws<ForbiddenActionException>(() => a.Approve(new Checker(Guid.NewGuid(), taker), null, Later));
        a.Approve(Approver, null, Later);
    }

    [Fact]
    public void Tranches_may_not_exceed_the_approved_amount()
    {
        var (application, _) = In(PledgeStatus.Disbursed);
        var error = Assert.Throws<DomainRuleException>(() => application.Disburse(600_000.01m, Today, Later));
        Assert.Equal("amount", error.Field);
        Assert.False(error.IsConflict);
        application.Disburse(600_000m, Today, Later);
        Assert.Equal(1_000_000m, application.DisbursedAmount);
        Assert.Equal(2, application.Disbursements.Count);
        Assert.Equal("amount", Assert.Throws<DomainRuleException>(() => application.Disburse(0.01m, Today, Later)).Field);
    }

    [Theory]
    [InlineData(PledgeStatus.PledgeRegistered, true)]
    [InlineData(PledgeStatus.Disbursed, true)]
    [InlineData(PledgeStatus.Defaulted, true)]
    [InlineData(PledgeStatus.Approved, false)]
    [InlineData(PledgeStatus.Released, false)]
    public void Patents_are_locked_from_registration_until_release(PledgeStatus status, bool locked) =>
        Assert.Equal(locked, In(status).Application.LocksPatents);

    [Fact]
    public void Figures_count_tranches_in_their_month_and_the_undrawn_rest_apart()
    {
        var (application, _) = In(PledgeStatus.Disbursed);
        var before = PledgeFigures.Of(application);
        Assert.Equal([new MonthFigures(2026, 11, RecordSource.Platform, EvidenceState.Declared, 400_000m, 0m),
            new MonthFigures(2026, 11, RecordSource.Platform, EvidenceState.Declared, 0m, 600_000m)], before);
        application.Repay(Later);
        Assert.Equal([new MonthFigures(2026, 11, RecordSource.Platform, EvidenceState.Declared, 0m, -600_000m)], PledgeFigures.Change(before, PledgeFigures.Of(application)));
    }

    private static void Do(PledgeApplication a, Step step, Marketplace.Domain.Patents.Patent patent)
    {
        switch (step)
        {
            case Step.Edit: a.UpdateDraft(Draft(patent, requested: 900_000m), Check(patent), Later); break;
            case Step.Submit: a.Submit(Check(patent), Later); break;
            case Step.Take: a.Take(Officer, Later); break;
            case Step.RequestInfo: a.RequestInfo("请说明还款来源。", Later); break;
            case Step.Answer: a.Answer("以销售回款还款。", Later); break;
            case Step.Recommend: a.Recommend(Officer, Recommendation(), BankPledgePolicy.Default, Later); break;
            case Step.Approve: a.Approve(Approver, null, Later); break;
            case Step.Reject: a.Reject(Approver, "不符合授信政策。", Later); break;
            case Step.Register: a.Register("Y2026980009999", Today, Later); break;
            case Step.Disburse: a.Disburse(100_000m, Today, Later); break;
            case Step.Repay: a.Repay(Later); break;
            case Step.Default: a.Default(Later); break;
            case Step.Release: a.Release(Later); break;
            case Step.Withdraw: a.Withdraw(Later); break;
            case Step.Consent: a.RecordPledgeeConsent(Later); break;
        }
    }
}
