using Marketplace.Domain.Common;

namespace Marketplace.Domain.Tests;

public sealed class BusinessYearTests
{
    [Theory]
    [InlineData("2024-12-31T23:30:00+08:00", 2024)]
    [InlineData("2024-12-31T15:59:59+00:00", 2024)]
    [InlineData("2024-12-31T16:10:00+00:00", 2025)]
    public void The_year_of_an_instant_is_its_year_in_China(string instant, int year) =>
        Assert.Equal(year, BusinessCalendar.ChinaDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).Year);
}
