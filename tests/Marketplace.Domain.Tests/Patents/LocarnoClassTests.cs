using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

public sealed class LocarnoClassTests
{
    [Theory]
    [InlineData("12-08", "12-08")]
    [InlineData("LOC (13) Cl. 12-08", "12-08")]
    [InlineData("LOC(14)CL.06-01", "06-01")]
    [InlineData("6-01", "06-01")]
    [InlineData("１２－０８", "12-08")]
    [InlineData("1208", "12-08")]
    [InlineData("99-00", "99-00")]
    public void Reads_the_forms_records_use(string input, string expected)
    {
        Assert.Equal(expected, LocarnoClass.Parse(input).Value);
        Assert.Equal(expected[..2], LocarnoClass.Parse(input).Class);
    }

    [Theory]
    [InlineData("")]
    [InlineData("33-01")]
    [InlineData("00-01")]
    [InlineData("99-01")]
    [InlineData("B63B 35/00")]
    [InlineData("12-8")]
    public void Refuses_what_is_not_a_Locarno_class(string input)
    {
        Assert.Equal("locarnoClass", Assert.Throws<DomainRuleException>(() => LocarnoClass.Parse(input)).Field);
        Assert.False(LocarnoClass.TryParse(input, out _));
    }
}
