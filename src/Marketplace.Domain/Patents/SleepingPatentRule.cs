namespace Marketplace.Domain.Patents;

/// <summary>
/// A "sleeping" patent (沉睡专利) is one in force that nobody has put to use: the park's programmes target them
/// for matchmaking. The platform cannot see use outside it, so the test is: granted and in force today; never
/// licensed, transferred or pledged on the platform; and either owned by a university (whose patents are
/// presumed idle unless transacted, as national policy on 盘活存量专利 does) or granted at least
/// <c>idleYears</c> ago. The caller supplies the facts the aggregate cannot know.
/// </summary>
public static class SleepingPatentRule
{
    public static bool IsSleeping(
        Patent patent, DateOnly today, bool ownedByUniversity, bool everTransactedOnPlatform, int idleYears)
    {
        ArgumentNullException.ThrowIfNull(patent);
        ArgumentOutOfRangeException.ThrowIfNegative(idleYears);
        if (!patent.IsInForce(today) || everTransactedOnPlatform) return false;
        return ownedByUniversity || patent.GrantDate!.Value.AddYears(idleYears) <= today;
    }
}
