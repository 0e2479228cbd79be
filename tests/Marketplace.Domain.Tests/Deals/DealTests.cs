using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Domain.Tests.Deals;

public sealed class DealTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly Guid Seller = Guid.NewGuid(), Buyer = Guid.NewGuid(), PatentId = Guid.NewGuid();
    private const string Contract = "2025370010000123";

    public static Deal Draft(LicenceKind kind = LicenceKind.NonExclusive, decimal amount = 300_000m, string territory = "中国大陆") =>
        Deal.RecordOffPlatform(new OfferTerms(TradeMode.Licence, kind, territory, 36, amount, null), Seller, Buyer, PatentId, Now);

    public static Deal Signed(Deal? deal = null, DateOnly? date = null)
    {
        deal ??= Draft();
        deal.ConfirmSignature(Seller, date ?? Today, Contract, [], Today, Now);
        deal.ConfirmSignature(Buyer, date ?? Today, Contract, [], Today, Now);
        return deal;
    }

    [Fact]
    public void A_deal_is_signed_when_both_parties_confirm_the_same_contract()
    {
        var deal = Draft();
        Assert.False(deal.ConfirmSignature(Seller, Today, Contract, [], Today, Now));
        Assert.Equal(DealStatus.Draft, deal.Status);
        Assert.Null(deal.CountedYear);
        Assert.True(deal.ConfirmSignature(Buyer, Today, Contract.ToLowerInvariant(), [], Today, Now));
        Assert.Equal((DealStatus.Signed, 2025), (deal.Status, deal.CountedYear));
    }

    [Fact]
    public void The_other_party_must_confirm_the_same_contract()
    {
        var deal = Draft();
        deal.ConfirmSignature(Seller, Today, Contract, [], Today, Now);
        var rule = Assert.Throws<DomainRuleException>(() => deal.ConfirmSignature(Buyer, Today, "2025370010000999", [], Today, Now));
        Assert.True(rule.IsConflict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12-34")]
    [InlineData("123")]
    public void Signing_needs_a_registration_number(string? number)
    {
        Assert.Equal("registrationNumber", Assert.Throws<DomainRuleException>(() => Draft().ConfirmSignature(Seller, Today, number, [], Today, Now)).Field);
    }

    [Fact]
    public void A_stranger_cannot_sign_and_a_future_contract_date_is_refused()
    {
        Assert.Throws<ForbiddenActionException>(() => Draft().ConfirmSignature(Guid.NewGuid(), Today, Contract, [], Today, Now));
        Assert.Equal("contractDate", Assert.Throws<DomainRuleException>(() => Draft().ConfirmSignature(Seller, Today.AddDays(1), Contract, [], Today, Now)).Field);
    }

    [Fact]
    public void Recording_needs_a_signed_deal()
    {
        Assert.True(Assert.Throws<DomainRuleException>(() => Draft().Record("2025990000123", Today, Today, Now)).IsConflict);
        var deal = Signed();
        Assert.Equal("recordNumber", Assert.Throws<DomainRuleException>(() => deal.Record(" ", Today, Today, Now)).Field);
        deal.Record("2025990000123", Today, Today, Now);
        Assert.Equal(DealStatus.Recorded, deal.Status);
    }

    [Fact]
    public void An_exclusive_licence_blocks_another_for_the_same_territory_and_time()
    {
        var first = Signed(Draft(LicenceKind.Exclusive));
        var second = Draft(LicenceKind.Exclusive);
        var rule = Assert.Throws<DomainRuleException>(() => second.ConfirmSignature(Buyer, Today.AddMonths(12), "2026370010000001", [first], Today.AddMonths(12), Now));
        Assert.Equal(("licenceKind", DealStatus.Draft), (rule.Field, second.Status));

        var elsewhere = Draft(LicenceKind.Exclusive, territory: "山东省");
        Assert.True(Signed(elsewhere).Status == DealStatus.Signed && !elsewhere.ExcludesExclusively(first));
        var later = Draft(LicenceKind.Exclusive);
        later.ConfirmSignature(Seller, Today.AddMonths(40), "2028370010000001", [first], Today.AddMonths(40), Now);
        Assert.True(later.ConfirmSignature(Buyer, Today.AddMonths(40), "2028370010000001", [first], Today.AddMonths(40), Now));
        var nonExclusive = Draft();
        Assert.False(nonExclusive.ExcludesExclusively(first));
    }

    [Fact]
    public void A_recorded_deal_completes_when_the_last_yuan_arrives_and_cancellation_needs_a_reason()
    {
        var deal = Signed();
        deal.SetSchedule([new(InstalmentKind.Upfront, "首付", Today, 100_000m), new(InstalmentKind.Milestone, "备案后", Today.AddMonths(3), 200_000m)], Now);
        deal.Record("2025990000123", Today, Today, Now);
        Assert.True(Assert.Throws<DomainRuleException>(() => deal.Complete(Now)).IsConflict);
        deal.ApplyProviderState(deal.Instalments[0].Id, 100_000m, 0, "payment_intent.succeeded", Now);
        Assert.Equal((DealStatus.Recorded, 100_000m), (deal.Status, deal.Received));
        deal.ReportTransfer(deal.Instalments[1].Id, "ICBC-1", null, Now);
        deal.ConfirmTransfer(deal.Instalments[1].Id, Now);
        Assert.Equal((DealStatus.Completed, 300_000m), (deal.Status, deal.Received));

        var other = Draft();
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => other.Cancel("", Now)).Field);
        Assert.Equal(DealStatus.Draft, other.Status);
        other.Cancel("对方放弃", Now);
        Assert.Equal(DealStatus.Cancelled, other.Status);
    }

    [Fact]
    public void The_schedule_adds_up_to_the_contract_amount_with_royalties_on_top()
    {
        var deal = Draft();
        Assert.Equal("instalments", Assert.Throws<DomainRuleException>(() => deal.SetSchedule([new(InstalmentKind.Upfront, "首付", Today, 100_000m)], Now)).Field);
        Assert.Equal("instalments[0].amount", Assert.Throws<DomainRuleException>(() => deal.SetSchedule([new(InstalmentKind.Upfront, "首付", Today, 0m)], Now)).Field);
        deal.SetSchedule([new(InstalmentKind.Upfront, "首付", Today, 300_000m), new(InstalmentKind.Royalty, "2026年提成", Today.AddYears(1), 20_000m)], Now);
        Assert.Equal(2, deal.Instalments.Count);
    }

    [Fact]
    public void A_pledged_patent_is_not_transferred_or_exclusively_licensed_without_the_pledgees_consent()
    {
        var pledged = new PledgeState(UnderActivePledge: true, PledgeeConsentRecorded: false);
        var transfer = Deal.RecordOffPlatform(new OfferTerms(TradeMode.Transfer, Price: 100m), Seller, Buyer, PatentId, Now);
        Assert.True(Assert.Throws<DomainRuleException>(() => transfer.EnsurePledgeAllows(pledged)).IsConflict);
        Assert.Throws<DomainRuleException>(() => Draft(LicenceKind.Exclusive).EnsurePledgeAllows(pledged));
        Draft(LicenceKind.NonExclusive).EnsurePledgeAllows(pledged);
        transfer.EnsurePledgeAllows(pledged with { PledgeeConsentRecorded = true });
    }

    // How a test takes each step of the table; the table itself says from where and to where.
    private static readonly Dictionary<LifecycleStep<DealStatus>, Action<Deal>> Taking = new()
    {
        [Deal.Sign] = deal => { deal.ConfirmSignature(Seller, Today, Contract, [], Today, Now); deal.ConfirmSignature(Buyer, Today, Contract, [], Today, Now); },
        [Deal.RecordStep] = deal => deal.Record("R2", Today, Today, Now),
        [Deal.CompleteStep] = deal => deal.Complete(Now),
        [Deal.CancelStep] = deal => deal.Cancel("x", Now),
        [Deal.Reschedule] = deal => deal.SetSchedule([new(InstalmentKind.Upfront, "全款", Today, 1_000m)], Now),
        [Deal.DraftSchedule] = deal => deal.SetDraftSchedule(Seller, [new(InstalmentKind.Upfront, "全款", Today, 1_000m)], Now),
        [Deal.AgreedSchedule] = deal => deal.ProposeSchedule(Seller, [new(InstalmentKind.Upfront, "全款", Today, 1_000m)], Now),
        [Deal.Pay] = deal => deal.PayableInstalment(deal.Instalments.FirstOrDefault()?.Id ?? Guid.Empty),
    };

    public static TheoryData<DealStatus, int> EveryStateAndStep()
    {
        var data = new TheoryData<DealStatus, int>();
        foreach (var s in Enum.GetValues<DealStatus>())
            for (var step = 0; step < Deal.Lifecycle.Steps.Count; step++) data.Add(s, step);
        return data;
    }

    private static Deal InState(DealStatus status)
    {
        var deal = Draft(amount: 1_000m);
        if (status == DealStatus.Cancelled) deal.Cancel("x", Now);
        if (status is DealStatus.Signed or DealStatus.Recorded or DealStatus.Completed) Signed(deal);
        if (status != DealStatus.Cancelled) deal.SetSchedule([new(InstalmentKind.Upfront, "全款", Today, 1_000m)], Now);
        if (status is DealStatus.Recorded or DealStatus.Completed) deal.Record("R1", Today, Today, Now);
        if (status == DealStatus.Completed) deal.ApplyProviderState(deal.Instalments[0].Id, 1_000m, 0, "payment_intent.succeeded", Now);
        Assert.Equal(status, deal.Status);
        return deal;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void Each_step_moves_as_the_table_says_and_is_refused_elsewhere(DealStatus from, int index)
    {
        var step = Deal.Lifecycle.Steps[index];
        var deal = InState(from);
        // Completing also needs every yuan received: unpaid, it is refused even from Recorded (tested above when paid).
        if (step.Moves.TryGetValue(from, out var to) && step != Deal.CompleteStep)
        {
            Taking[step](deal);
            Assert.Equal(to, deal.Status);
        }
        else
        {
            Assert.True(Assert.Throws<DomainRuleException>(() => Taking[step](deal)).IsConflict);
            Assert.Equal(from, deal.Status);
        }
    }

    [Fact]
    public void Every_step_of_the_table_is_taken_by_the_test()
    {
        Assert.Equal(Deal.Lifecycle.Steps.ToHashSet(), Taking.Keys.ToHashSet());
        Assert.Empty(Enum.GetValues<DealStatus>().Where(s => s is DealStatus.Completed or DealStatus.Cancelled)
            .SelectMany(s => Enum.GetValues<DealStatus>().Where(t => Deal.Lifecycle.CanMove(s, t))));
    }
}
