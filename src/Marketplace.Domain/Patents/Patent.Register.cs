using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>What the register (or the calendar) does to a patent after it is registered here: a lapse, a
/// restoration (权利恢复), a grant, a term compensation. Each state change is raised once, with its date.</summary>
public sealed partial class Patent
{
    /// <summary>Days of term compensation (专利权期限补偿) CNIPA granted; 0 for almost every patent.</summary>
    public int TermCompensationDays { get; private set; }

    /// <summary>The patent's fee years and due dates.</summary>
    public PatentCalendar Calendar => new(Type, FilingDate, TermCompensationDays);

    /// <summary>The right ended (or the application died) on <paramref name="on"/>. Returns whether the state changed:
    /// a lapsed patent lapses only once.</summary>
    public bool Lapse(DateOnly on, string reason, DateTimeOffset now)
    {
        if (LegalStatus == LegalStatus.Lapsed) return false;
        var before = LegalStatus;
        LapseReason = TextRules.Required(reason, "lapseReason", "Lapse reason", 200);
        LegalStatus = LegalStatus.Lapsed;
        Changed(before, on, now);
        return true;
    }

    /// <summary>权利恢复: a lapsed right (or application) is restored on <paramref name="on"/>. Returns whether the state changed.</summary>
    public bool Restore(DateOnly on, DateTimeOffset now)
    {
        if (LegalStatus != LegalStatus.Lapsed) return false;
        LapseReason = null;
        LegalStatus = IsGranted ? LegalStatus.Valid : LegalStatus.Pending;
        Changed(LegalStatus.Lapsed, on, now);
        return true;
    }

    /// <summary>The application was granted on <paramref name="on"/>. Returns whether the state changed; a lapsed patent
    /// is not revived by an old grant.</summary>
    public bool Grant(DateOnly on, DateTimeOffset now)
    {
        if (LegalStatus != LegalStatus.Pending) return false;
        if (on < FilingDate) throw new DomainRuleException("date", "The grant date cannot be before the filing date.");
        GrantDate ??= on;
        LegalStatus = LegalStatus.Valid;
        Changed(LegalStatus.Pending, on, now);
        return true;
    }

    /// <summary>CNIPA granted <paramref name="days"/> of term compensation; the term ends that much later.</summary>
    public void CompensateTerm(int days, DateTimeOffset now)
    {
        // Art. 42(3) caps a drug patent's compensation at 5 years; an examination delay is far shorter.
        if (days is < 0 or > 5 * 366) throw new DomainRuleException("termCompensationDays", "Term compensation is 0 to 5 years, in days.");
        if (days == TermCompensationDays) return;
        TermCompensationDays = days;
        UpdatedAt = now;
        Raise(new PatentChanged(Id));
    }

    private void Changed(LegalStatus before, DateOnly on, DateTimeOffset now)
    {
        UpdatedAt = now;
        Raise(new PatentChanged(Id));
        RaiseIfLapsedOrRestored(before, on);
    }

    private void RaiseIfLapsedOrRestored(LegalStatus before, DateOnly on)
    {
        if (before != LegalStatus.Lapsed && LegalStatus == LegalStatus.Lapsed) Raise(new PatentLapsed(Id, on, LapseReason!));
        else if (before == LegalStatus.Lapsed && LegalStatus != LegalStatus.Lapsed) Raise(new PatentRestored(Id, on));
    }
}
