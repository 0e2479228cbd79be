using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Tests.Patents;
using static Marketplace.Domain.Tests.Listings.ListingSamples;

namespace Marketplace.Domain.Tests.Listings;

public sealed class ListingStateMachineTests
{
    private static readonly DateTimeOffset Later = PatentSamples.Now.AddHours(1);

    public enum Action { Submit, Approve, Reject, RequestRework, Withdraw, Close, Edit, Suspend, Restore }

    // What each action does: where it goes and from which states. Edit keeps the state except Published → PendingReview.
    private static ListingStatus? Expected(ListingStatus from, Action action) => (action, from) switch
    {
        (Action.Submit, ListingStatus.Draft or ListingStatus.Rework) => ListingStatus.PendingReview,
        (Action.Approve, ListingStatus.PendingReview) => ListingStatus.Published,
        (Action.Reject, ListingStatus.PendingReview) => ListingStatus.Rejected,
        (Action.RequestRework, ListingStatus.PendingReview) => ListingStatus.Rework,
        (Action.Withdraw, ListingStatus.Draft or ListingStatus.PendingReview or ListingStatus.Rework or ListingStatus.Published or ListingStatus.Suspended) => ListingStatus.Withdrawn,
        (Action.Close, ListingStatus.Published) => ListingStatus.Closed,
        (Action.Suspend, ListingStatus.Published) => ListingStatus.Suspended,
        (Action.Restore, ListingStatus.Suspended) => ListingStatus.Published,
        (Action.Edit, ListingStatus.Draft or ListingStatus.Rework) => from,
        (Action.Edit, ListingStatus.Published) => ListingStatus.PendingReview,
        _ => null,
    };

    public static TheoryData<ListingStatus, Action> EveryStateAndAction()
    {
        var data = new TheoryData<ListingStatus, Action>();
        foreach (var status in Enum.GetValues<ListingStatus>())
            foreach (var action in Enum.GetValues<Action>())
                data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Each_action_moves_only_from_its_allowed_states(ListingStatus from, Action action)
    {
        var patent = PatentSamples.Create();
        var listing = ListingIn(from, patent);
        var expected = Expected(from, action);
        if (expected is { } to)
        {
            Do(listing, action, patent);
            Assert.Equal(to, listing.Status);
            Assert.Equal(Later, listing.UpdatedAt);
            Assert.True(to == from || Listing.Lifecycle.CanMove(from, to), $"{from} → {to} is missing from the table");
        }
        else
        {
            var error = Assert.Throws<DomainRuleException>(() => Do(listing, action, patent));
            Assert.Equal("status", error.Field);
            Assert.True(error.IsConflict);
            Assert.StartsWith($"A listing in state {from} cannot be ", error.Message);
            Assert.Equal(from, listing.Status);
        }
    }

    [Fact]
    public void Every_move_in_the_table_is_made_by_some_action_and_no_other_move_is()
    {
        foreach (var from in Enum.GetValues<ListingStatus>())
            foreach (var to in Enum.GetValues<ListingStatus>())
            {
                var made = Enum.GetValues<Action>().Any(a => Expected(from, a) == to && to != from);
                Assert.True(made == Listing.Lifecycle.CanMove(from, to), $"{from} → {to}");
            }
    }

    [Theory]
    [InlineData(ListingStatus.Rejected)]
    [InlineData(ListingStatus.Withdrawn)]
    [InlineData(ListingStatus.Closed)]
    public void Terminal_states_have_no_way_out(ListingStatus status) =>
        Assert.DoesNotContain(Listing.Lifecycle.Steps, step => step.Moves.ContainsKey(status));

    [Fact]
    public void A_restored_listing_is_published_again_with_its_approved_terms_and_date()
    {
        var listing = ListingIn(ListingStatus.Published, PatentSamples.Create());
        var (terms, published) = (listing.Terms, listing.PublishedAt);
        listing.Suspend(Later);
        listing.ClearDomainEvents();
        listing.Restore(Later.AddDays(30));
        Assert.Equal((ListingStatus.Published, terms, published), (listing.Status, listing.Terms, listing.PublishedAt));
        Assert.Equal([new ListingChanged(listing.Id)], listing.DomainEvents);
    }

    [Fact]
    public void The_message_names_the_state_and_the_action()
    {
        var listing = ListingIn(ListingStatus.Draft, PatentSamples.Create());
        Assert.Equal("A listing in state Draft cannot be approved.",
            Assert.Throws<DomainRuleException>(() => listing.Approve(Later)).Message);
    }

    [Fact]
    public void Approval_publishes_and_clears_the_last_rework_reason()
    {
        var listing = ListingIn(ListingStatus.Rework, PatentSamples.Create());
        Assert.Equal("请补充技术成熟度说明。", listing.RejectionReason);
        listing.Submit(Later);
        Assert.Equal("请补充技术成熟度说明。", listing.RejectionReason); // the reviewer still sees it
        listing.Approve(Later.AddHours(1));
        Assert.Equal(Later.AddHours(1), listing.PublishedAt);
        Assert.Null(listing.RejectionReason);
    }

    [Fact]
    public void Editing_a_published_listing_sends_it_back_to_review()
    {
        var patent = PatentSamples.Create();
        var listing = ListingIn(ListingStatus.Published, patent);
        listing.UpdateTerms(patent, new ListingTerms(null, null, null, Transfer()), "仅转让。", PledgeState.None, PatentSamples.Today, Later);
        Assert.Equal(ListingStatus.PendingReview, listing.Status);
        Assert.Equal(["Transfer"], listing.Terms.Modes);
        Assert.Equal("仅转让。", listing.Description);
    }

    [Fact]
    public void Editing_re_checks_the_patent_and_the_pledge()
    {
        var patent = PatentSamples.Create();
        var listing = ListingIn(ListingStatus.Draft, patent);
        var error = Assert.Throws<DomainRuleException>(() => listing.UpdateTerms(patent, LicenceOnly(LicenceKind.Exclusive), null,
            new PledgeState(true, false), PatentSamples.Today, Later));
        Assert.Equal("modes", error.Field);
        Assert.Equal("patentId", Assert.Throws<DomainRuleException>(() => listing.UpdateTerms(patent, LicenceOnly(), null,
            PledgeState.None, new DateOnly(2043, 1, 10), Later)).Field);
        Assert.Equal(LicenceKind.NonExclusive, listing.Terms.Licence!.Kind);
        Assert.Throws<ArgumentException>(() => listing.UpdateTerms(PatentSamples.Create(), LicenceOnly(), null, PledgeState.None, PatentSamples.Today, Later));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Rejection_and_rework_need_a_reason(string? reason)
    {
        var listing = ListingIn(ListingStatus.PendingReview, PatentSamples.Create());
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => listing.Reject(reason!, Later)).Field);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => listing.RequestRework(reason!, Later)).Field);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => listing.Reject(new string('因', 501), Later)).Field);
        Assert.Equal(ListingStatus.PendingReview, listing.Status);
    }

    [Fact]
    public void The_state_is_checked_before_the_reason()
    {
        var listing = ListingIn(ListingStatus.Draft, PatentSamples.Create());
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => listing.Reject("", Later)).Field);
    }

    private static Listing ListingIn(ListingStatus status, Patent patent)
    {
        var listing = Create(patent);
        var now = PatentSamples.Now;
        switch (status)
        {
            case ListingStatus.Draft: break;
            case ListingStatus.PendingReview: listing.Submit(now); break;
            case ListingStatus.Published: listing.Submit(now); listing.Approve(now); break;
            case ListingStatus.Rework: listing.Submit(now); listing.RequestRework("请补充技术成熟度说明。", now); break;
            case ListingStatus.Rejected: listing.Submit(now); listing.Reject("与园区产业方向不符。", now); break;
            case ListingStatus.Withdrawn: listing.Withdraw(now); break;
            case ListingStatus.Closed: listing.Submit(now); listing.Approve(now); listing.Close(now); break;
            case ListingStatus.Suspended: listing.Submit(now); listing.Approve(now); listing.Suspend(now); break;
        }
        Assert.Equal(status, listing.Status);
        return listing;
    }

    private static void Do(Listing listing, Action action, Patent patent)
    {
        switch (action)
        {
            case Action.Submit: listing.Submit(Later); break;
            case Action.Approve: listing.Approve(Later); break;
            case Action.Reject: listing.Reject("不符合要求。", Later); break;
            case Action.RequestRework: listing.RequestRework("请补充材料。", Later); break;
            case Action.Withdraw: listing.Withdraw(Later); break;
            case Action.Close: listing.Close(Later); break;
            case Action.Edit: listing.UpdateTerms(patent, LicenceOnly(), "已更新。", PledgeState.None, PatentSamples.Today, Later); break;
            case Action.Suspend: listing.Suspend(Later); break;
            case Action.Restore: listing.Restore(Later); break;
        }
    }
}
