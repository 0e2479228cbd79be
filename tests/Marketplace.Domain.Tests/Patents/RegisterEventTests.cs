using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

/// <summary>Register events (from an uploaded legal-status file or the calendar) applied to a patent with their dates.</summary>
public sealed class RegisterEventTests
{
    private static readonly DateOnly Today = PatentSamples.Today;
    private static readonly DateTimeOffset Now = PatentSamples.Now;

    private static (Patent Patent, PatentWatch Watch) Granted(PatentDetails? details = null)
    {
        var patent = Patent.Create(details ?? PatentSamples.Details(), PatentSamples.University, Now);
        patent.ClearDomainEvents();
        return (patent, PatentWatch.Start(patent.Id));
    }

    [Fact]
    public void A_lapse_lapses_the_patent_as_of_its_date_and_raises_it_once()
    {
        var (patent, watch) = Granted();
        Assert.Equal(LegalEventOutcome.Applied, watch.Record(patent, new DateOnly(2026, 1, 10), LegalStatus.Lapsed, "未缴年费专利权终止", Today, Now));
        Assert.Equal((LegalStatus.Lapsed, "未缴年费专利权终止"), (patent.LegalStatus, patent.LapseReason));
        Assert.Contains(new PatentLapsed(patent.Id, new DateOnly(2026, 1, 10), "未缴年费专利权终止"), patent.DomainEvents);
        patent.ClearDomainEvents();

        Assert.Equal(LegalEventOutcome.Unchanged, watch.Record(patent, new DateOnly(2026, 2, 1), LegalStatus.Lapsed, "专利权的终止", Today, Now));
        Assert.Empty(patent.DomainEvents);
        Assert.Equal("未缴年费专利权终止", patent.LapseReason);
    }

    [Fact]
    public void A_restoration_makes_a_lapsed_granted_patent_valid_again()
    {
        var (patent, watch) = Granted();
        watch.Record(patent, new DateOnly(2026, 1, 10), LegalStatus.Lapsed, "未缴年费专利权终止", Today, Now);
        patent.ClearDomainEvents();

        Assert.Equal(LegalEventOutcome.Applied, watch.Record(patent, new DateOnly(2026, 6, 2), LegalStatus.Valid, "权利恢复", Today, Now));
        Assert.Equal((LegalStatus.Valid, null), (patent.LegalStatus, patent.LapseReason));
        Assert.Contains(new PatentRestored(patent.Id, new DateOnly(2026, 6, 2)), patent.DomainEvents);
        Assert.Null(patent.WhyNotListable(Today));
    }

    [Fact]
    public void A_grant_makes_an_application_valid_with_the_events_date()
    {
        var (patent, watch) = Granted(PatentSamples.Pending());
        Assert.Equal(LegalEventOutcome.Applied, watch.Record(patent, new DateOnly(2025, 3, 4), LegalStatus.Valid, "授权", Today, Now));
        Assert.Equal((LegalStatus.Valid, new DateOnly(2025, 3, 4)), (patent.LegalStatus, patent.GrantDate));
        Assert.Equal(LegalEventOutcome.Unchanged, watch.Record(patent, new DateOnly(2025, 4, 1), LegalStatus.Valid, "有效", Today, Now));
        Assert.Equal(new DateOnly(2025, 3, 4), patent.GrantDate);
    }

    [Fact]
    public void An_event_older_than_the_last_applied_is_history_and_changes_nothing()
    {
        var (patent, watch) = Granted();
        watch.Record(patent, new DateOnly(2026, 6, 2), LegalStatus.Lapsed, "专利权的终止", Today, Now);
        watch.Record(patent, new DateOnly(2026, 8, 1), LegalStatus.Valid, "权利恢复", Today, Now);
        patent.ClearDomainEvents();

        // The lapse of an earlier year arrives late: kept as history, the restored patent stays valid.
        Assert.Equal(LegalEventOutcome.History, watch.Record(patent, new DateOnly(2026, 7, 31), LegalStatus.Lapsed, "未缴年费专利权终止", Today, Now));
        Assert.Equal(LegalStatus.Valid, patent.LegalStatus);
        Assert.Empty(patent.DomainEvents);
        Assert.Equal(new DateOnly(2026, 8, 1), watch.LastEventOn);
        // The same day as the last applied counts: a register announces a lapse and a restoration on one day in that order.
        Assert.Equal(LegalEventOutcome.Applied, watch.Record(patent, new DateOnly(2026, 8, 1), LegalStatus.Lapsed, "专利权的终止", Today, Now));
    }

    [Fact]
    public void An_event_that_says_nothing_of_the_state_changes_nothing_and_does_not_move_the_last_date()
    {
        var (patent, watch) = Granted();
        Assert.Equal(LegalEventOutcome.Unchanged, watch.Record(patent, new DateOnly(2026, 5, 5), null, "专利权质押合同登记的生效", Today, Now));
        Assert.Null(watch.LastEventOn);
        Assert.Equal(LegalStatus.Valid, patent.LegalStatus);
    }

    [Fact]
    public void Events_dated_after_today_or_before_the_filing_date_are_refused()
    {
        var (patent, watch) = Granted();
        var future = Assert.Throws<DomainRuleException>(() => watch.Record(patent, Today.AddDays(1), LegalStatus.Lapsed, "专利权的终止", Today, Now));
        Assert.Equal("date", future.Field);
        Assert.Equal(LegalStatus.Valid, patent.LegalStatus);
        Assert.Null(watch.LastEventOn);
        Assert.Equal(LegalEventOutcome.Applied, watch.Record(patent, Today, LegalStatus.Lapsed, "专利权的终止", Today, Now));

        var (other, otherWatch) = Granted();
        Assert.Equal("date", Assert.Throws<DomainRuleException>(() =>
            otherWatch.Record(other, new DateOnly(2023, 1, 9), LegalStatus.Lapsed, "专利权的终止", Today, Now)).Field);
    }

    [Fact]
    public void Term_compensation_moves_the_end_once_and_is_bounded()
    {
        var (patent, _) = Granted();
        Assert.Equal(new DateOnly(2043, 1, 9), patent.TermEnd);
        patent.CompensateTerm(120, Now);
        Assert.Equal(new DateOnly(2043, 5, 9), patent.TermEnd);
        Assert.Single(patent.DomainEvents.OfType<PatentChanged>());
        patent.CompensateTerm(120, Now);
        Assert.Single(patent.DomainEvents.OfType<PatentChanged>());
        Assert.Equal("termCompensationDays", Assert.Throws<DomainRuleException>(() => patent.CompensateTerm(-1, Now)).Field);
        Assert.Equal("termCompensationDays", Assert.Throws<DomainRuleException>(() => patent.CompensateTerm(5 * 366 + 1, Now)).Field);
    }

    [Fact]
    public void An_edit_of_the_status_raises_the_lapse_and_the_restoration_too()
    {
        var (patent, _) = Granted();
        patent.Update(PatentSamples.Lapsed(), Now);
        Assert.Contains(patent.DomainEvents, e => e is PatentLapsed { Reason: "未缴年费专利权终止" });
        patent.ClearDomainEvents();
        patent.Update(PatentSamples.Details(), Now);
        Assert.Contains(patent.DomainEvents, e => e is PatentRestored);
    }
}
