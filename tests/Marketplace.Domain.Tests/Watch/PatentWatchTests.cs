using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Watch;

public sealed class PatentWatchTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    // Filed 2020-03-15, fees paid through year 6: year 7's 2,000 yuan fall due on 2026-03-15.
    private static readonly Guid Id = Guid.NewGuid();
    private static WatchedPatent Patent(string? paidThrough = "2026-03-14", LegalStatus status = LegalStatus.Valid, PatentType type = PatentType.Invention,
        string filed = "2020-03-15", bool granted = true) =>
        new(Id, type, D(filed), 0, status, granted, paidThrough is null ? null : D(paidThrough));

    private static List<object> Run(PatentWatch watch, WatchedPatent patent, string today)
    {
        watch.ClearDomainEvents();
        Assert.Null(watch.Review(patent, D(today)));
        return [.. watch.DomainEvents];
    }

    [Fact]
    public void Each_reminder_is_raised_once_when_its_threshold_is_crossed()
    {
        var watch = PatentWatch.Start(Id);
        Assert.Empty(Run(watch, Patent(), "2025-12-14")); // 91 days
        Assert.Equal([new AnnualFeeDueSoon(Id, 7, D("2026-03-15"), 2000m, 90)], Run(watch, Patent(), "2025-12-15"));
        Assert.Empty(Run(watch, Patent(), "2025-12-15"));
        Assert.Empty(Run(watch, Patent(), "2026-02-12"));
        Assert.Equal([new AnnualFeeDueSoon(Id, 7, D("2026-03-15"), 2000m, 30)], Run(watch, Patent(), "2026-02-13"));
        Assert.Equal([new AnnualFeeDueSoon(Id, 7, D("2026-03-15"), 2000m, 7)], Run(watch, Patent(), "2026-03-08"));
        Assert.Empty(Run(watch, Patent(), "2026-03-15"));
        Assert.Equal([new AnnualFeeOverdue(Id, 7, D("2026-03-15"), D("2026-09-15"), 2000m, 0m)], Run(watch, Patent(), "2026-03-16"));
        Assert.Empty(Run(watch, Patent(), "2026-05-20"));
        Assert.Equal(FeeReminders.Due90 | FeeReminders.Due30 | FeeReminders.Due7 | FeeReminders.Overdue, watch.Reminders);
    }

    [Fact]
    public void A_fee_first_seen_close_to_its_date_gets_only_the_tightest_reminder()
    {
        var watch = PatentWatch.Start(Id);
        Assert.Equal([new AnnualFeeDueSoon(Id, 7, D("2026-03-15"), 2000m, 30)], Run(watch, Patent(), "2026-02-23"));
        Assert.Empty(Run(watch, Patent(), "2026-02-24"));
        Assert.Equal([new AnnualFeeDueSoon(Id, 7, D("2026-03-15"), 2000m, 7)], Run(watch, Patent(), "2026-03-10"));
    }

    [Fact]
    public void A_fee_first_seen_in_its_grace_period_is_overdue_with_the_surcharge_of_the_day()
    {
        var watch = PatentWatch.Start(Id);
        Assert.Equal([new AnnualFeeOverdue(Id, 7, D("2026-03-15"), D("2026-09-15"), 2000m, 200m)], Run(watch, Patent(), "2026-05-20"));
    }

    [Fact]
    public void Paying_starts_the_next_years_reminders()
    {
        var watch = PatentWatch.Start(Id);
        Run(watch, Patent(), "2026-03-10");
        Assert.Empty(Run(watch, Patent("2027-03-14"), "2026-03-12"));
        Assert.Equal([new AnnualFeeDueSoon(Id, 8, D("2027-03-15"), 2000m, 90)], Run(watch, Patent("2027-03-14"), "2026-12-15"));
        Assert.Equal(8, watch.FeeYear);
    }

    [Fact]
    public void Unpaid_past_the_grace_period_the_right_ends_as_of_the_due_date()
    {
        var watch = PatentWatch.Start(Id);
        Assert.Null(watch.Review(Patent(), D("2026-09-15")));
        Assert.Equal(new CalendarLapse(D("2026-03-15"), "未缴年费专利权终止"), watch.Review(Patent(), D("2026-09-16")));
    }

    [Fact]
    public void The_term_ending_within_a_year_is_told_once_and_its_end_lapses_the_patent()
    {
        var watch = PatentWatch.Start(Id);
        // A utility model filed 2016-05-10 ends on 2026-05-09; fees paid to the end.
        var patent = Patent("2026-05-09", type: PatentType.UtilityModel, filed: "2016-05-10");
        Assert.Empty(Run(watch, patent, "2025-05-08"));
        Assert.Equal([new PatentTermEnding(Id, D("2026-05-09"))], Run(watch, patent, "2025-05-09"));
        Assert.Empty(Run(watch, patent, "2026-05-09"));
        Assert.Equal(new CalendarLapse(D("2026-05-10"), "专利权有效期届满"), watch.Review(patent, D("2026-05-10")));
    }

    [Fact]
    public void Term_compensation_tells_the_ending_again_for_the_new_end()
    {
        var watch = PatentWatch.Start(Id);
        var patent = Patent("2026-05-09", type: PatentType.UtilityModel, filed: "2016-05-10");
        Run(watch, patent, "2025-06-01");
        var compensated = patent with { CompensationDays = 30 };
        Assert.Equal([new PatentTermEnding(Id, D("2026-06-08"))], Run(watch, compensated, "2025-06-10"));
    }

    [Theory]
    [InlineData(LegalStatus.Lapsed, true)]
    [InlineData(LegalStatus.Pending, false)]
    public void Lapsed_patents_and_applications_get_no_reminders(LegalStatus status, bool granted) =>
        Assert.Empty(Run(PatentWatch.Start(Id), Patent(status: status, granted: granted), "2026-03-10"));

    [Fact]
    public void Without_a_known_paid_through_date_no_fee_is_reminded() =>
        Assert.Empty(Run(PatentWatch.Start(Id), Patent(paidThrough: null), "2026-03-10"));

    [Fact]
    public void A_register_event_older_than_the_last_applied_is_history_only()
    {
        var watch = PatentWatch.Start(Id);
        Assert.True(watch.Accepts(D("2020-01-01")));
        watch.EventApplied(D("2026-03-01"));
        Assert.True(watch.Accepts(D("2026-03-01")));
        Assert.False(watch.Accepts(D("2026-02-28")));
        Assert.Throws<InvalidOperationException>(() => watch.EventApplied(D("2026-02-28")));
        Assert.Equal(D("2026-03-01"), watch.LastEventOn);
    }
}
