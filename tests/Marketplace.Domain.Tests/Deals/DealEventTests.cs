using Marketplace.Domain.Deals;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Domain.Tests.Deals;

/// <summary>What a deal tells the rest of the system: every step, every move of its money and of its figures.</summary>
public sealed class DealEventTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static Deal PaidInTwo(TradeMode mode = TradeMode.Licence)
    {
        var (seller, buyer) = (Guid.NewGuid(), Guid.NewGuid());
        var terms = mode == TradeMode.Transfer ? new OfferTerms(TradeMode.Transfer, Price: 300_000m) : new OfferTerms(TradeMode.Licence, LicenceKind.NonExclusive, "中国大陆", 36, 300_000m, null);
        var deal = Deal.RecordOffPlatform(terms, seller, buyer, Guid.NewGuid(), Now);
        deal.ConfirmSignature(seller, Today, "2025370010000123", [], Today, Now);
        deal.ConfirmSignature(buyer, Today, "2025370010000123", [], Today, Now);
        deal.SetSchedule([new(InstalmentKind.Upfront, "首付", Today, 100_000m), new(InstalmentKind.Milestone, "备案后", Today, 200_000m)], Now);
        return deal;
    }

    [Fact]
    public void Creation_and_each_step_are_told_with_their_states()
    {
        var deal = DealTests.Draft();
        Assert.Equal([typeof(DealCreated), typeof(DealStepTaken)], deal.DomainEvents.Select(e => e.GetType()));
        Assert.Null(((DealStepTaken)deal.DomainEvents[1]).From);
        deal.ClearDomainEvents();

        DealTests.Signed(deal);
        var steps = deal.DomainEvents.OfType<DealStepTaken>().ToList();
        Assert.Equal([(DealStatus.Draft, DealStatus.Draft), (DealStatus.Draft, DealStatus.Signed)], steps.Select(s => (s.From!.Value, s.To)));
        var counted = Assert.Single(deal.DomainEvents.OfType<DealCountChanged>());
        Assert.Null(counted.Before);
        Assert.Equal(300_000m, counted.After!.Value.Contracted);
    }

    [Fact]
    public void A_stripe_payment_and_a_confirmed_transfer_raise_the_same_kinds_of_event()
    {
        var byStripe = PaidInTwo();
        var byTransfer = PaidInTwo();
        byStripe.ClearDomainEvents();
        byTransfer.ReportTransfer(byTransfer.Instalments[0].Id, "ICBC-1", null, Now);
        byTransfer.ClearDomainEvents();

        byStripe.ApplyProviderState(byStripe.Instalments[0].Id, 100_000m, 0m, "payment_intent.succeeded", Now);
        byTransfer.ConfirmTransfer(byTransfer.Instalments[0].Id, Now);

        Assert.Equal(byTransfer.DomainEvents.Select(e => e.GetType()), byStripe.DomainEvents.Select(e => e.GetType()));
        Assert.Equal([typeof(InstalmentChanged), typeof(DealCountChanged)], byStripe.DomainEvents.Select(e => e.GetType()));
        Assert.Equal(100_000m, byStripe.DomainEvents.OfType<InstalmentChanged>().Single().Change);
    }

    [Fact]
    public void The_last_yuan_of_a_recorded_deal_completes_it()
    {
        var deal = PaidInTwo();
        deal.Record("X2025370000123", Today, Today, Now);
        deal.ApplyProviderState(deal.Instalments[0].Id, 100_000m, 0m, "payment_intent.succeeded", Now);
        deal.ClearDomainEvents();

        deal.ApplyProviderState(deal.Instalments[1].Id, 200_000m, 0m, "payment_intent.succeeded", Now);

        Assert.Equal(DealStatus.Completed, deal.Status);
        Assert.Single(deal.DomainEvents.OfType<DealPaidInFull>());
        Assert.Equal("Completed", deal.DomainEvents.OfType<DealStepTaken>().Single().Action);
    }

    [Fact]
    public void A_refund_lowers_what_counts()
    {
        var deal = PaidInTwo();
        deal.ApplyProviderState(deal.Instalments[0].Id, 100_000m, 0m, "payment_intent.succeeded", Now);
        deal.ClearDomainEvents();

        deal.ApplyProviderState(deal.Instalments[0].Id, 100_000m, 40_000m, "charge.refunded", Now);

        var counted = Assert.Single(deal.DomainEvents.OfType<DealCountChanged>());
        Assert.Equal((100_000m, 60_000m), (counted.Before!.Value.Received, counted.After!.Value.Received));
    }

    [Theory]
    [InlineData(TradeMode.Transfer, true)]
    [InlineData(TradeMode.Licence, false)]
    public void Recording_says_whether_the_patent_changes_hands(TradeMode mode, bool moves)
    {
        var deal = PaidInTwo(mode);
        deal.Record("X2025370000123", Today, Today, Now);
        var recorded = Assert.Single(deal.DomainEvents.OfType<DealRecorded>());
        Assert.Equal((moves, deal.BuyerOrganizationId), (recorded.MovesOwnership, recorded.BuyerOrganizationId));
    }
}
