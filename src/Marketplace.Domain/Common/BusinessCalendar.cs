namespace Marketplace.Domain.Common;

/// <summary>
/// Business dates (which year a deal counts in, deadlines) are reckoned in China Standard Time. China has no
/// daylight saving, so a fixed +08:00 offset is exact and does not depend on the host's tz database.
/// </summary>
public static class BusinessCalendar
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => instant.ToOffset(ChinaOffset);

    public static DateOnly ChinaDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToChinaTime(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => ChinaDate(clock.GetUtcNow());
}
