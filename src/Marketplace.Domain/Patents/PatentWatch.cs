using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>The reminders already given for the fee year in <see cref="PatentWatch.FeeYear"/>.</summary>
[Flags]
public enum FeeReminders
{
    None = 0,
    Due90 = 1,
    Due30 = 2,
    Due7 = 4,
    Overdue = 8,
}

/// <summary>What became of a register event: it changed the state, it agreed with it (or said nothing of it), or it
/// was older than the last applied one and is kept as history only.</summary>
public enum LegalEventOutcome { Applied, Unchanged, History }

/// <summary>What the daily run needs of a patent, read without loading the aggregate.</summary>
public sealed record WatchedPatent(
    Guid PatentId, PatentType Type, DateOnly FilingDate, int CompensationDays, LegalStatus Status, bool Granted, DateOnly? FeesPaidThrough)
{
    public PatentCalendar Calendar => new(Type, FilingDate, CompensationDays);
}

/// <summary>The calendar says the right has ended: as of <paramref name="On"/>, for <paramref name="Reason"/> (the
/// register's words for it, so that CNIPA's later announcement reads the same).</summary>
public sealed record CalendarLapse(DateOnly On, string Reason)
{
    public const string UnpaidFee = "未缴年费专利权终止", TermExpired = "专利权有效期届满";
}

/// <summary>
/// What the watch has told about one patent, so that each crossing (a fee due in 90, 30 or 7 days, a fee overdue,
/// the term ending within a year) is raised once, and the date of the latest register event applied, so that an
/// older event changes nothing. A row exists only for patents the watch has had something to say about.
/// </summary>
public sealed class PatentWatch : AggregateRoot
{
    public Guid PatentId { get; private set; }

    /// <summary>The patent year whose fee the reminders in <see cref="Reminders"/> are about.</summary>
    public int? FeeYear { get; private set; }
    public FeeReminders Reminders { get; private set; }

    /// <summary>The term end the "ending within a year" alert was given for (a compensation may move it).</summary>
    public DateOnly? TermEndingToldFor { get; private set; }

    /// <summary>The date of the latest register event applied to the patent's state.</summary>
    public DateOnly? LastEventOn { get; private set; }
    public uint Version { get; private set; }

    private PatentWatch() { }

    public static PatentWatch Start(Guid patentId) => new() { PatentId = patentId };

    /// <summary>Whether a register event dated <paramref name="on"/> may change the patent's state: one older than
    /// the latest applied is history only.</summary>
    public bool Accepts(DateOnly on) => LastEventOn is not { } last || on >= last;

    public void EventApplied(DateOnly on)
    {
        if (!Accepts(on)) throw new InvalidOperationException("An older event is history only.");
        LastEventOn = on;
    }

    /// <summary>
    /// Applies one register event to the patent: <paramref name="status"/> is what the event's words mean (null for an
    /// event that says nothing of the state, such as a transfer or a pledge). A lapse lapses the patent as of the
    /// event's date; a valid state restores a lapsed patent (权利恢复) or grants an application. An event dated in the
    /// future, or before the filing date, is refused; one older than the latest applied is kept as history only.
    /// </summary>
    public LegalEventOutcome Record(Patent patent, DateOnly on, LegalStatus? status, string words, DateOnly today, DateTimeOffset now)
    {
        if (patent.Id != PatentId) throw new ArgumentException("Another patent.", nameof(patent));
        if (on > today)
            throw new DomainRuleException("date", new Text("The event is dated {0:yyyy-MM-dd}, after today ({1:yyyy-MM-dd}); a register event cannot lie in the future.", on, today));
        if (on < patent.FilingDate)
            throw new DomainRuleException("date", new Text("The event is dated {0:yyyy-MM-dd}, before the filing date {1:yyyy-MM-dd}.", on, patent.FilingDate));
        if (!Accepts(on)) return LegalEventOutcome.History;
        if (status is null) return LegalEventOutcome.Unchanged;
        LastEventOn = on;
        var changed = status switch
        {
            LegalStatus.Lapsed => patent.Lapse(on, words, now),
            LegalStatus.Valid when patent.LegalStatus == LegalStatus.Lapsed => patent.Restore(on, now),
            LegalStatus.Valid => patent.Grant(on, now),
            _ => false,
        };
        return changed ? LegalEventOutcome.Applied : LegalEventOutcome.Unchanged;
    }

    /// <summary>
    /// Compares the patent's calendar with <paramref name="today"/>, raises each crossing not raised before, and
    /// returns the lapse the calendar shows (term over, or a fee unpaid past its grace period) for the caller to apply
    /// to the patent, or null. Nothing is reminded for applications, lapsed patents, or fees whose payment is unknown.
    /// </summary>
    public CalendarLapse? Review(WatchedPatent patent, DateOnly today)
    {
        if (patent.PatentId != PatentId) throw new ArgumentException("Another patent's data.", nameof(patent));
        if (patent.Status != LegalStatus.Valid || !patent.Granted) return null;
        var calendar = patent.Calendar;
        if (today > calendar.TermEnd) return new CalendarLapse(calendar.TermEnd.AddDays(1), CalendarLapse.TermExpired);
        if (today >= calendar.TermEnd.AddYears(-1) && TermEndingToldFor != calendar.TermEnd)
        {
            TermEndingToldFor = calendar.TermEnd;
            Raise(new PatentTermEnding(PatentId, calendar.TermEnd));
        }
        if (patent.FeesPaidThrough is not { } paidThrough || calendar.NextFee(paidThrough) is not { } fee) return null;
        if (FeeYear != fee.Year) (FeeYear, Reminders) = (fee.Year, FeeReminders.None);

        var daysLeft = fee.DueDate.DayNumber - today.DayNumber;
        if (daysLeft >= 0)
        {
            var (reminder, days) = daysLeft switch
            {
                <= 7 => (FeeReminders.Due7, 7),
                <= 30 => (FeeReminders.Due30, 30),
                <= 90 => (FeeReminders.Due90, 90),
                _ => (FeeReminders.None, 0),
            };
            if (reminder == FeeReminders.None || Reminders.HasFlag(reminder)) return null;
            // The looser thresholds are passed too: a fee first seen 20 days ahead is not also "due in 90 days".
            Reminders |= reminder | (reminder - 1);
            Raise(new AnnualFeeDueSoon(PatentId, fee.Year, fee.DueDate, fee.Amount, days));
            return null;
        }
        if (!fee.InGrace(today)) return new CalendarLapse(fee.DueDate, CalendarLapse.UnpaidFee);
        if (!Reminders.HasFlag(FeeReminders.Overdue))
        {
            Reminders = FeeReminders.Due90 | FeeReminders.Due30 | FeeReminders.Due7 | FeeReminders.Overdue;
            Raise(new AnnualFeeOverdue(PatentId, fee.Year, fee.DueDate, fee.GraceEnds, fee.Amount, fee.Surcharge(today) ?? 0m));
        }
        return null;
    }

    /// <summary>Tells the open negotiations and unsigned deals of the patent that it lapsed or was restored.</summary>
    public void Warn(PatentWarning warning, DateOnly on, string? reason,
        IEnumerable<(Guid InquiryId, Guid Owner, Guid Enterprise)> rooms, IEnumerable<(Guid DealId, Guid Seller, Guid Buyer)> deals)
    {
        foreach (var (inquiryId, owner, enterprise) in rooms)
            Raise(new NegotiationWarned(inquiryId, PatentId, owner, enterprise, warning, on, reason));
        foreach (var (dealId, seller, buyer) in deals)
            Raise(new DealWarned(dealId, PatentId, seller, buyer, warning, on, reason));
    }
}
