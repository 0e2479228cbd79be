using Marketplace.Domain.Matchmaking;

namespace Marketplace.Domain.Tests.Matchmaking;

/// <summary>Which matches a need's organisation is told of: listings newer than the need, once.</summary>
public sealed class NewMatchesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Approved = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static TechnologyNeed OpenNeed()
    {
        var need = TechnologyNeed.Post(Guid.NewGuid(), TechnologyNeedTests.Details(), Today, Approved.AddHours(-1));
        need.Approve(Today, Approved);
        need.ClearDomainEvents();
        return need;
    }

    [Fact]
    public void Only_listings_published_after_the_need_and_not_matched_before_are_told()
    {
        var need = OpenNeed();
        var (older, newer, known, again) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        need.TellNewMatches(
            [(older, Approved.AddDays(-3)), (newer, Approved.AddMinutes(5)), (known, Approved.AddMinutes(1)), (again, Approved)],
            new HashSet<Guid> { known });

        var told = Assert.IsType<NewListingsMatched>(Assert.Single(need.DomainEvents));
        Assert.Equal([newer], told.ListingIds);
        Assert.Equal((need.Id, need.OrganizationId), (told.NeedId, told.OrganizationId));
    }

    [Fact]
    public void A_rematch_that_finds_nothing_new_tells_nothing_and_an_unpublished_need_is_never_told()
    {
        var need = OpenNeed();
        var listing = Guid.NewGuid();
        need.TellNewMatches([(listing, Approved.AddDays(1))], new HashSet<Guid> { listing });
        Assert.Empty(need.DomainEvents);

        var pending = TechnologyNeed.Post(Guid.NewGuid(), TechnologyNeedTests.Details(), Today, Approved);
        pending.ClearDomainEvents();
        pending.TellNewMatches([(listing, Approved.AddDays(1))], new HashSet<Guid>());
        Assert.Empty(pending.DomainEvents);
    }
}
