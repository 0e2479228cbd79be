using Marketplace.Domain.Pledges;

namespace Marketplace.Domain.Tests.Pledges;

public sealed class WatchlistEntryTests
{
    private static readonly DateOnly LapsedOn = new(2026, 11, 1);

    [Theory]
    [InlineData(PledgeStatus.Submitted)]
    [InlineData(PledgeStatus.Recommended)]
    [InlineData(PledgeStatus.PledgeRegistered)]
    [InlineData(PledgeStatus.Disbursed)]
    [InlineData(PledgeStatus.Defaulted)]
    public void A_loan_the_bank_has_lent_or_may_still_lend_on_is_watched_with_the_reason(PledgeStatus status)
    {
        var (loan, patent) = PledgeSamples.In(status);
        var entry = WatchlistEntry.Open(loan, patent.Id, WatchReason.PatentLapsed, "未缴年费专利权终止", LapsedOn, PledgeSamples.Now);
        Assert.Equal((loan.Id, PledgeSamples.Bank, patent.Id, "未缴年费专利权终止", LapsedOn), (entry.PledgeApplicationId, entry.BankOrganizationId, entry.PatentId, entry.Detail, entry.Since));
        Assert.True(entry.IsOpen);
        Assert.Equal([new LoanWatchlisted(entry.Id, loan.Id, PledgeSamples.Bank, patent.Id, WatchReason.PatentLapsed, LapsedOn)], entry.DomainEvents);
    }

    [Theory]
    [InlineData(PledgeStatus.Draft)]
    [InlineData(PledgeStatus.Rejected)]
    [InlineData(PledgeStatus.Repaid)]
    [InlineData(PledgeStatus.Released)]
    [InlineData(PledgeStatus.Withdrawn)]
    public void A_loan_that_secures_nothing_any_more_is_not_watched(PledgeStatus status)
    {
        var (loan, patent) = PledgeSamples.In(status);
        Assert.DoesNotContain(status, WatchlistEntry.Watched);
        Assert.Throws<InvalidOperationException>(() => WatchlistEntry.Open(loan, patent.Id, WatchReason.PatentLapsed, "专利权的终止", LapsedOn, PledgeSamples.Now));
    }

    [Fact]
    public void Only_a_patent_that_secures_the_loan_puts_it_on_the_watchlist()
    {
        var (loan, _) = PledgeSamples.In(PledgeStatus.Disbursed);
        Assert.Throws<ArgumentException>(() => WatchlistEntry.Open(loan, Guid.NewGuid(), WatchReason.PatentLapsed, "专利权的终止", LapsedOn, PledgeSamples.Now));
    }

    [Fact]
    public void A_restoration_resolves_the_entry_once_and_keeps_the_first_date()
    {
        var (loan, patent) = PledgeSamples.In(PledgeStatus.Disbursed);
        var entry = WatchlistEntry.Open(loan, patent.Id, WatchReason.PatentLapsed, "未缴年费专利权终止", LapsedOn, PledgeSamples.Now);
        entry.Resolve(new DateOnly(2026, 11, 20));
        entry.Resolve(new DateOnly(2026, 11, 25));
        Assert.False(entry.IsOpen);
        Assert.Equal(new DateOnly(2026, 11, 20), entry.ResolvedOn);
    }
}
