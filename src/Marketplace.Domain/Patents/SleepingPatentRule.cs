namespace Marketplace.Domain.Patents;

/// <summary>
/// A "sleeping" patent (沉睡专利), as the park's plan means it: granted and in force, held by a university or
/// research institute, and never put to use — never licensed, transferred or contributed as equity on this
/// platform (<see cref="Patent.AwakenedOn"/>), nor licensed, transferred or pledged according to the register's
/// history (<see cref="Patent.RecordedEvents"/>). An enterprise's patent is never sleeping: the plan's programme
/// (盘活存量专利) is about the research institutions' stock. The holder's kind is the one fact the aggregate
/// cannot know; the caller supplies it.
/// </summary>
public static class SleepingPatentRule
{
    private const LegalEvents Use = LegalEvents.Licence | LegalEvents.Transfer | LegalEvents.Pledge;

    /// <summary>Whether the patent has ever been put to use, here or according to the register.</summary>
    public static bool IsAwakened(Patent patent) => patent.AwakenedOn is not null || (patent.RecordedEvents & Use) != 0;

    /// <summary>The last day the patent sleeps (its term end) if nothing changes, or null when it is not
    /// sleeping at all. Depends only on stored facts, so it is stored with the patent and refreshed on every
    /// write: the catalog then filters on "sleeps until today or later".</summary>
    public static DateOnly? SleepsUntil(Patent patent, bool heldByResearchBody)
    {
        ArgumentNullException.ThrowIfNull(patent);
        return heldByResearchBody && patent.IsGranted && patent.LegalStatus == LegalStatus.Valid && !IsAwakened(patent)
            ? patent.TermEnd
            : null;
    }

    public static bool IsSleeping(Patent patent, DateOnly today, bool heldByResearchBody) =>
        SleepsUntil(patent, heldByResearchBody) is { } until && today <= until;

    /// <summary>Whether the patent was sleeping on the day a listing of it was published, judged by its history
    /// rather than its current holder: the lister's kind then, and a platform deal only if it came before.</summary>
    public static bool WasSleepingWhenListed(Patent patent, DateOnly listedOn, bool listerIsResearchBody)
    {
        ArgumentNullException.ThrowIfNull(patent);
        return listerIsResearchBody && patent.IsGranted && patent.LegalStatus != LegalStatus.Pending && listedOn <= patent.TermEnd
               && (patent.RecordedEvents & Use) == 0 && !(patent.AwakenedOn < listedOn);
    }
}
