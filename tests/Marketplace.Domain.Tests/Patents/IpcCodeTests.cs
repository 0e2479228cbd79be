using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

public sealed class IpcCodeTests
{
    [Theory]
    [InlineData("B63B 35/00", "B63B 35/00")]
    [InlineData("B63B35/00", "B63B 35/00")]
    [InlineData("B63B    35/00", "B63B 35/00")]
    [InlineData("a61b17/34", "A61B 17/34")]
    [InlineData(" h04l 9/32 ", "H04L 9/32")]
    [InlineData("G06F 3/0488", "G06F 3/0488")]
    [InlineData("A61K 031/00", "A61K 31/00")]
    [InlineData("C07D 1234/123456", "C07D 1234/123456")]
    [InlineData("Ｂ６３Ｂ　３５／００", "B63B 35/00")]
    public void Codes_are_normalized(string input, string expected) =>
        Assert.Equal(expected, IpcCode.Parse(input, "ipcCodes[0]").Value);

    [Fact]
    public void Parts_are_exposed()
    {
        var code = IpcCode.Parse("b63b35/00", "ipc");
        Assert.Equal('B', code.Section);
        Assert.Equal("B63", code.Class);
        Assert.Equal("B63B", code.Subclass);
        Assert.Equal("B63B 35", code.MainGroup);
        Assert.Equal("B63B 35/00", code.ToString());
    }

    [Theory]
    [InlineData("B63B35", "main group")]
    [InlineData("I01B 1/00", "A to H, not 'I'")]
    [InlineData("B6B 1/00", "two-digit class")]
    [InlineData("B631 1/00", "subclass letter")]
    [InlineData("B63B 35/0", "subgroup (2 to 6 digits)")]
    [InlineData("B63B 12345/00", "main group (1 to 4 digits)")]
    [InlineData("B63B 35-00", "'/'")]
    [InlineData("B63B 0/00", "not 0")]
    [InlineData("", "required")]
    [InlineData("B6", "two-digit class")]
    public void Bad_codes_are_refused_with_a_reason(string input, string expected)
    {
        var error = Assert.Throws<DomainRuleException>(() => IpcCode.Parse(input, "ipcCodes[3]"));
        Assert.Equal("ipcCodes[3]", error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Equal_codes_compare_equal_and_try_parse_reports_failure()
    {
        Assert.True(IpcCode.TryParse("a61k031/00", out var a));
        Assert.True(IpcCode.TryParse("A61K 31/00", out var b));
        Assert.Equal(a, b);
        Assert.False(IpcCode.TryParse("B63B35", out var bad));
        Assert.Equal("", bad.Value);
    }
}
