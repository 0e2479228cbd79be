using Marketplace.Domain.Accounts;

namespace Marketplace.Domain.Tests;

public sealed class PasswordPolicyTests
{
    private readonly PasswordPolicy _policy = new(new HashSet<string> { "password1234", "qwertyuiop123" });

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("alllowercaseletters")]
    [InlineData("威海火炬高技术产业开发区")]
    public void Long_uncommon_passwords_pass_without_composition_rules(string password) => Assert.Null(_policy.Check(password)?.ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("elevenchars")]
    [InlineData("威海火炬高技术产业开发")]
    public void Fewer_than_twelve_characters_fail(string? password) => Assert.Contains("at least 12", _policy.Check(password)?.ToString());

    [Fact]
    public void Emoji_count_as_one_character_each() =>
        Assert.Contains("at least 12", _policy.Check(string.Concat(Enumerable.Repeat("👨‍👩‍👧", 11)))?.ToString());

    [Fact]
    public void More_than_128_characters_fail()
    {
        Assert.Null(_policy.Check(new string('a', 128)));
        Assert.Contains("at most 128", _policy.Check(new string('a', 129))?.ToString());
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData(" qwertyuiop123 ")]
    public void Common_passwords_fail_whatever_their_case(string password) =>
        Assert.Contains("commonly used", _policy.Check(password)?.ToString());
}
