using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Tests.Patents;

public sealed class ApplicationNumberTests
{
    // 201710601862.3 and 202310104843.5 are published numbers; the rest were generated with the check algorithm.
    [Theory]
    [InlineData("201710601862.3", 2017, 1, PatentType.Invention, false)]
    [InlineData("202310104843.5", 2023, 1, PatentType.Invention, false)]
    [InlineData("202120123456.2", 2021, 2, PatentType.UtilityModel, false)]
    [InlineData("202230012345.4", 2022, 3, PatentType.Design, false)]
    [InlineData("201880001234.4", 2018, 8, PatentType.Invention, true)]
    [InlineData("201990004321.5", 2019, 9, PatentType.UtilityModel, true)]
    [InlineData("200310100004.9", 2003, 1, PatentType.Invention, false)]
    [InlineData("202110100104.X", 2021, 1, PatentType.Invention, false)]
    [InlineData("98123456.9", 1998, 1, PatentType.Invention, false)]
    [InlineData("85100001.0", 1985, 1, PatentType.Invention, false)]
    [InlineData("03212345.0", 2003, 2, PatentType.UtilityModel, false)]
    [InlineData("93300017.0", 1993, 3, PatentType.Design, false)]
    [InlineData("96800023.1", 1996, 8, PatentType.Invention, true)]
    [InlineData("99110000.X", 1999, 1, PatentType.Invention, false)]
    public void Valid_numbers_parse_with_year_and_type(string input, int year, int typeDigit, PatentType type, bool pct)
    {
        var number = ApplicationNumber.Parse(input);
        Assert.Equal(input, number.Value);
        Assert.Equal(year, number.FilingYear);
        Assert.Equal(typeDigit, number.TypeDigit);
        Assert.Equal(type, number.Type);
        Assert.Equal(pct, number.IsPct);
    }

    [Fact]
    public void The_worked_example_sums_to_157_which_leaves_3()
    {
        Assert.Equal('3', ApplicationNumber.CheckCharacter("201710601862"));
        Assert.Equal('9', ApplicationNumber.CheckCharacter("98123456"));
        Assert.Equal('X', ApplicationNumber.CheckCharacter("202110100104"));
    }

    [Theory]
    [InlineData("CN202310104843.5")]
    [InlineData("ZL 202310104843.5")]
    [InlineData("ZL202310104843.5")]
    [InlineData("zl202310104843.5")]
    [InlineData("cn 202310104843.5")]
    [InlineData("  202310104843.5  ")]
    [InlineData("2023101048435")]
    [InlineData("ZL 2023 1 0104843.5")]
    [InlineData("ＺＬ２０２３１０１０４８４３．５")]
    public void Common_spellings_are_normalized(string input) =>
        Assert.Equal("202310104843.5", ApplicationNumber.Parse(input).Value);

    [Theory]
    [InlineData("202110100104x", "202110100104.X")]
    [InlineData("zl 99110000.x", "99110000.X")]
    [InlineData("981234569", "98123456.9")]
    public void Lower_case_x_and_old_numbers_without_dot_are_normalized(string input, string expected) =>
        Assert.Equal(expected, ApplicationNumber.Parse(input).Value);

    [Theory]
    [InlineData("201710601862.3")]
    [InlineData("202110100104.X")]
    [InlineData("98123456.9")]
    public void Every_single_character_change_is_caught(string valid)
    {
        for (var position = 0; position < valid.Length; position++)
        {
            if (valid[position] == '.') continue;
            foreach (var replacement in "0123456789X".Where(c => c != valid[position]))
            {
                var corrupted = valid[..position] + replacement + valid[(position + 1)..];
                Assert.False(ApplicationNumber.TryParse(corrupted, out _), corrupted);
            }
        }
    }

    [Fact]
    public void Adjacent_digits_swapped_are_caught()
    {
        const string digits = "201710601862";
        for (var i = 0; i < digits.Length - 1; i++)
        {
            if (digits[i] == digits[i + 1]) continue;
            var swapped = digits[..i] + digits[i + 1] + digits[i] + digits[(i + 2)..];
            Assert.False(ApplicationNumber.TryParse(swapped + ".3", out _), swapped);
        }
    }

    [Fact]
    public void Wrong_check_character_says_what_it_should_be()
    {
        var error = Assert.Throws<DomainRuleException>(() => ApplicationNumber.Parse("201710601862.7"));
        Assert.Equal("applicationNumber", error.Field);
        Assert.Equal("The check character should be '3', not '7'.", error.Message);
    }

    [Theory]
    [InlineData("201710601862", "add the check character: 201710601862.3")]
    [InlineData("ZL 201710601862.", "add the check character: 201710601862.3")]
    [InlineData("98123456", "add the check character: 98123456.9")]
    public void Missing_check_character_is_given_in_the_message(string input, string expected) =>
        Assert.Contains(expected, ApplicationNumber.Validate(input, out _)?.ToString());

    [Theory]
    [InlineData('0')]
    [InlineData('4')]
    [InlineData('5')]
    [InlineData('6')]
    [InlineData('7')]
    public void Unknown_type_digits_are_refused_even_with_a_correct_check(char typeDigit)
    {
        var digits = $"2023{typeDigit}0104843";
        var error = ApplicationNumber.Validate($"{digits}.{ApplicationNumber.CheckCharacter(digits)}", out _)?.ToString();
        Assert.Contains($"type digit (digit 5) must be 1 (invention)", error);
        Assert.EndsWith($"not {typeDigit}.", error);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("ZL", "required")]
    [InlineData("abc", "12 digits")]
    [InlineData("2023101048", "12 digits")]
    [InlineData("202310104843.55", "exactly one check character")]
    [InlineData("US202310104843.5", "12 digits")]
    [InlineData("199910100001.5", "2003 or later, not 1999")]
    [InlineData("04100001.5", "85 to 99 or 00 to 03")]
    public void Malformed_numbers_say_why(string input, string expected) =>
        Assert.Contains(expected, ApplicationNumber.Validate(input, out _)?.ToString());

    [Fact]
    public void Parse_names_the_field_it_is_given()
    {
        var error = Assert.Throws<DomainRuleException>(() => ApplicationNumber.Parse(null, "items[2].applicationNumber"));
        Assert.Equal("items[2].applicationNumber", error.Field);
        Assert.False(ApplicationNumber.TryParse("nonsense", out var number));
        Assert.Equal("", number.Value);
    }
}
