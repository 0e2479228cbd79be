using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using static Marketplace.Domain.Tests.Deals.DealTests;

namespace Marketplace.Domain.Tests.Deals;

/// <summary>Issue 23, finding 6: a signed deal's schedule changes only when both parties agree, within sane bounds.</summary>
public sealed class ScheduleAgreementTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static IReadOnlyList<InstalmentPlan> Plan(DateOnly due, decimal amount = 300_000m) => [new(InstalmentKind.Upfront, "全款", due, amount)];

    [Fact]
    public void A_party_proposes_and_only_the_other_party_accepts()
    {
        var deal = Signed();
        deal.SetSchedule(Plan(Today), Now);
        deal.ProposeSchedule(deal.BuyerOrganizationId, Plan(Today.AddYears(2)), Now);
        Assert.Equal(Today, deal.Instalments.Single().DueDate);
        Assert.Throws<ForbiddenActionException>(() => deal.AcceptSchedule(deal.BuyerOrganizationId, Now));
        Assert.Throws<ForbiddenActionException>(() => deal.AcceptSchedule(Guid.NewGuid(), Now));
        deal.AcceptSchedule(deal.SellerOrganizationId, Now);
        Assert.Equal(Today.AddYears(2), deal.Instalments.Single().DueDate);
        Assert.Null(deal.ProposedSchedule);
        Assert.True(Assert.Throws<DomainRuleException>(() => deal.AcceptSchedule(deal.SellerOrganizationId, Now)).IsConflict);
    }

    [Fact]
    public void The_other_party_rejects_and_the_proposer_withdraws_and_neither_changes_the_schedule()
    {
        var deal = Signed();
        deal.SetSchedule(Plan(Today), Now);
        deal.ProposeSchedule(deal.SellerOrganizationId, Plan(Today.AddMonths(1)), Now);
        Assert.Throws<ForbiddenActionException>(() => deal.RejectSchedule(deal.SellerOrganizationId, Now));
        deal.RejectSchedule(deal.BuyerOrganizationId, Now);
        deal.ProposeSchedule(deal.SellerOrganizationId, Plan(Today.AddMonths(1)), Now);
        Assert.Throws<ForbiddenActionException>(() => deal.WithdrawSchedule(deal.BuyerOrganizationId, Now));
        deal.WithdrawSchedule(deal.SellerOrganizationId, Now);
        Assert.Equal(Today, deal.Instalments.Single().DueDate);
    }

    [Fact]
    public void A_signed_deals_schedule_is_proposed_not_set_and_a_draft_one_is_not_proposed()
    {
        Assert.True(Assert.Throws<DomainRuleException>(() => Signed().SetDraftSchedule(Guid.NewGuid(), Plan(Today), Now)).IsConflict);
        Assert.True(Assert.Throws<DomainRuleException>(() => Draft().ProposeSchedule(Guid.NewGuid(), Plan(Today), Now)).IsConflict);
    }

    [Fact]
    public void Changing_a_drafts_schedule_lifts_the_other_partys_confirmation()
    {
        var deal = Draft();
        deal.ConfirmSignature(deal.SellerOrganizationId, Today, "2025370010000123", [], Today, Now);
        deal.SetDraftSchedule(deal.BuyerOrganizationId, Plan(Today.AddYears(1)), Now);
        Assert.False(deal.SellerConfirmed);
        Assert.False(deal.ConfirmSignature(deal.BuyerOrganizationId, Today, "2025370010000123", [], Today, Now));
        Assert.Equal(DealStatus.Draft, deal.Status);
    }

    [Theory]
    [InlineData(121, 0, "instalments")]
    [InlineData(1, 21, "instalments[0].dueDate")]
    [InlineData(1, -41, "instalments[0].dueDate")]
    public void Schedules_beyond_sane_bounds_are_refused(int count, int yearsAhead, string field)
    {
        var due = Today.AddYears(yearsAhead);
        var plans = Enumerable.Range(0, count).Select(i => new InstalmentPlan(InstalmentKind.Milestone, $"第{i + 1}期", due, 300_000m / count == Math.Round(300_000m / count, 2) ? 300_000m / count : 1m)).ToList();
        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => Draft().SetSchedule(plans, Now)).Field);
    }

    [Fact]
    public void A_hundred_and_twenty_monthly_instalments_are_fine()
    {
        var plans = Enumerable.Range(0, 120).Select(i => new InstalmentPlan(InstalmentKind.Milestone, $"第{i + 1}期", Today.AddMonths(i), 2_500m)).ToList();
        var deal = Draft();
        deal.SetSchedule(plans, Now);
        Assert.Equal(120, deal.Instalments.Count);
    }
}
