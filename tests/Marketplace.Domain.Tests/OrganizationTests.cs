using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;

namespace Marketplace.Domain.Tests;

public sealed class OrganizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly OrganizationContact Contact = new("王经理", "0631-5812345", "office@example.cn");

    [Fact]
    public void Registers_unverified_and_verifies_once()
    {
        var organization = Organization.Register("威海测试科技有限公司", null, OrganizationType.Enterprise, "9144030071526726XG", Contact, Now);
        Assert.False(organization.IsVerified);
        organization.Verify(Now.AddHours(1));
        Assert.Equal(Now.AddHours(1), organization.VerifiedAt);
        var again = Assert.Throws<DomainRuleException>(() => organization.Verify(Now.AddHours(2)));
        Assert.True(again.IsConflict);
    }

    [Fact]
    public void The_park_office_is_not_self_registered()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Organization.Register("园区", null, OrganizationType.ParkOffice, "9144030071526726XG", Contact, Now));
        Assert.Equal("type", error.Field);
    }

    [Theory]
    [InlineData("", "0631-5812345", "a@example.cn", "contactName")]
    [InlineData("王", "call me", "a@example.cn", "contactPhone")]
    [InlineData("王", "0631-5812345", "not an email", "contactEmail")]
    public void Contact_fields_are_named_when_wrong(string name, string phone, string email, string field)
    {
        var error = Assert.Throws<DomainRuleException>(() => new OrganizationContact(name, phone, email).Validated());
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Business_dates_are_china_dates()
    {
        // 2026-12-31 17:30 UTC is already 2027-01-01 in Weihai: a deal signed then counts in 2027.
        Assert.Equal(new DateOnly(2027, 1, 1), BusinessCalendar.ChinaDate(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero)));
    }
}
