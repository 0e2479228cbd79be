using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

public sealed class PublicationNumberTests
{
    [Theory]
    [InlineData("CN115123456A", "CN115123456A")]
    [InlineData("cn 115123456 a", "CN115123456A")]
    [InlineData(" CN115123456B ", "CN115123456B")]
    [InlineData("CN1234567C", "CN1234567C")]
    [InlineData("CN2345678Y", "CN2345678Y")]
    [InlineData("CN215123456U", "CN215123456U")]
    [InlineData("CN306123456S", "CN306123456S")]
    [InlineData("CN1151234567B1", "CN1151234567B1")]
    [InlineData("ＣＮ１１５１２３４５６Ａ", "CN115123456A")]
    public void Valid_numbers_are_normalized(string input, string expected) =>
        Assert.Equal(expected, PublicationNumber.Normalize(input));

    [Theory]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    [InlineData("115123456A", "starts with CN")]
    [InlineData("US115123456A", "starts with CN")]
    [InlineData("CN115123456", "kind code")]
    [InlineData("CN123456A", "7 to 10 digits")]
    [InlineData("CN12345678901A", "7 to 10 digits")]
    [InlineData("CN115123456X", "kind code")]
    [InlineData("CN115123456AB", "kind code")]
    [InlineData("CN115123456A12", "kind code")]
    public void Other_shapes_are_refused(string? input, string expected)
    {
        var error = Assert.Throws<DomainRuleException>(() => PublicationNumber.Normalize(input));
        Assert.Equal("publicationNumber", error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_field_can_be_named() =>
        Assert.Equal("x.publicationNumber", Assert.Throws<DomainRuleException>(() => PublicationNumber.Normalize("?", "x.publicationNumber")).Field);
}
