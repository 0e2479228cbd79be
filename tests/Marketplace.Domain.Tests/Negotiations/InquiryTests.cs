using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Negotiations;

namespace Marketplace.Domain.Tests.Negotiations;

public sealed class InquiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Office = Guid.NewGuid(), Enterprise = Guid.NewGuid(), Stranger = Guid.NewGuid();

    public static OfferTerms Licence(decimal lumpSum = 200_000m) =>
        new(TradeMode.Licence, LicenceKind.NonExclusive, "中国大陆", 36, lumpSum, 3m);

    private static Inquiry Room() => Inquiry.Open(Guid.NewGuid(), Guid.NewGuid(), Office, Enterprise, "许可咨询", null, null, Now);

    [Fact]
    public void Propose_counter_accept_makes_one_agreement()
    {
        var room = Room();
        var first = room.Propose(Enterprise, null, Licence(150_000m), "首次报价", Now);
        var counter = room.Counter(first.Id, Office, null, Licence(220_000m), null, Now);
        Assert.Equal((OfferStatus.Countered, 2, first.Id), (first.Status, counter.Number, counter.CounterOfId));

        var accepted = room.Accept(counter.Id, Enterprise, null, Now);
        Assert.Equal(OfferStatus.Accepted, accepted.Status);
        Assert.Equal(InquiryStatus.Agreed, room.Status);
        Assert.Equal(220_000m, accepted.Terms.ContractAmount);
    }

    [Fact]
    public void A_party_cannot_accept_its_own_offer()
    {
        var room = Room();
        var offer = room.Propose(Office, null, Licence(), null, Now);
        Assert.Throws<ForbiddenActionException>(() => room.Accept(offer.Id, Office, null, Now));
        Assert.Equal(OfferStatus.Open, offer.Status);
    }

    [Fact]
    public void Only_the_proposer_withdraws_and_only_the_parties_talk()
    {
        var room = Room();
        var offer = room.Propose(Office, null, Licence(), null, Now);
        Assert.Throws<ForbiddenActionException>(() => room.Withdraw(offer.Id, Enterprise, null, Now));
        Assert.Throws<ForbiddenActionException>(() => room.Propose(Stranger, null, Licence(), null, Now));
        room.Withdraw(offer.Id, Office, null, Now);
        Assert.Equal(OfferStatus.Withdrawn, offer.Status);
    }

    [Fact]
    public void Acting_on_a_superseded_offer_is_a_conflict()
    {
        var room = Room();
        var first = room.Propose(Enterprise, null, Licence(), null, Now);
        room.Counter(first.Id, Office, null, Licence(300_000m), null, Now);
        var rule = Assert.Throws<DomainRuleException>(() => room.Accept(first.Id, Office, null, Now));
        Assert.True(rule.IsConflict);
        Assert.Equal("offerId", rule.Field);
    }

    [Fact]
    public void A_second_proposal_while_one_is_open_is_refused()
    {
        var room = Room();
        room.Propose(Enterprise, null, Licence(), null, Now);
        Assert.True(Assert.Throws<DomainRuleException>(() => room.Propose(Office, null, Licence(), null, Now)).IsConflict);
    }

    [Fact]
    public void Nothing_moves_after_agreement()
    {
        var room = Room();
        var offer = room.Propose(Enterprise, null, Licence(), null, Now);
        room.Accept(offer.Id, Office, null, Now);
        Assert.True(Assert.Throws<DomainRuleException>(() => room.Propose(Office, null, Licence(), null, Now)).IsConflict);
        Assert.True(Assert.Throws<DomainRuleException>(() => room.Close(Office, null, Now)).IsConflict);
    }

    [Fact]
    public void Closing_the_room_lapses_its_open_offers()
    {
        var room = Room();
        var offer = room.Propose(Enterprise, null, Licence(), null, Now);
        room.Close(Office, null, Now);
        Assert.Equal((InquiryStatus.Closed, OfferStatus.Closed), (room.Status, offer.Status));
    }

    [Fact]
    public void An_open_licence_is_accepted_at_once_on_the_published_terms()
    {
        var room = Room();
        var published = new OpenLicenceTerms(20_000m, null, "每年2万元", "银行转账", true);
        var offer = room.AcceptPublishedTerms(OfferTerms.ForOpenLicence(published, 24), null, Now);
        Assert.Equal((OfferStatus.Accepted, Office, 40_000m), (offer.Status, offer.ProposedByOrganizationId, offer.Terms.ContractAmount));
        Assert.Equal(InquiryStatus.Agreed, room.Status);
    }

    [Fact]
    public void An_inquiry_on_ones_own_listing_is_refused()
    {
        Assert.Equal("listingId", Assert.Throws<DomainRuleException>(() =>
            Inquiry.Open(Guid.NewGuid(), Guid.NewGuid(), Office, Office, "x", null, null, Now)).Field);
    }
}
