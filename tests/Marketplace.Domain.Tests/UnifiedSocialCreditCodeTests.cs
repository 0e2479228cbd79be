using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;

namespace Marketplace.Domain.Tests;

public sealed class UnifiedSocialCreditCodeTests
{
    // Published codes of well-known organisations: Tencent, Huawei, Alibaba (China), Harbin Institute of Technology.
    [Theory]
    [InlineData("9144030071526726XG")]
    [InlineData("914403001922038216")]
    [InlineData("91330100716105852F")]
    [InlineData("12100000400000624D")]
    public void Real_codes_are_valid(string code) =>
        Assert.Equal(code, UnifiedSocialCreditCode.Parse(code).Value);

    [Fact]
    public void Input_is_trimmed_and_upper_cased() =>
        Assert.Equal("9144030071526726XG", UnifiedSocialCreditCode.Parse(" 9144030071526726xg ").Value);

    [Fact]
    public void Every_single_character_change_is_caught()
    {
        const string code = "914403001922038216";
        for (var position = 0; position < code.Length; position++)
        {
            foreach (var replacement in UnifiedSocialCreditCode.Alphabet.Where(c => c != code[position]))
            {
                var corrupted = code[..position] + replacement + code[(position + 1)..];
                Assert.False(UnifiedSocialCreditCode.TryParse(corrupted, out _), corrupted);
            }
        }
    }

    [Fact]
    public void Wrong_check_character_says_what_it_should_be()
    {
        var error = Assert.Throws<DomainRuleException>(() => UnifiedSocialCreditCode.Parse("9144030071526726XH"));
        Assert.Equal("creditCode", error.Field);
        Assert.Contains("should be 'G'", error.Message);
    }

    [Theory]
    [InlineData("", "18 characters")]
    [InlineData("91440300715267", "18 characters")]
    [InlineData("9144030071526726OG", "not allowed")]
    [InlineData("91AB030071526726XG", "administrative division")]
    public void Malformed_codes_say_why(string code, string expected)
    {
        Assert.Contains(expected, UnifiedSocialCreditCode.Validate(code, out _)?.ToString());
    }

    [Fact]
    public void Organisation_code_check_follows_gb_11714()
    {
        Assert.Equal('X', UnifiedSocialCreditCode.OrganizationCodeCheck("71526726"));
        Assert.Equal('1', UnifiedSocialCreditCode.OrganizationCodeCheck("19220382"));
    }
}
