using Marketplace.Domain.Organizations;

namespace Marketplace.Domain.Tests;

public sealed class OrganizationNameTests
{
    [Theory]
    [InlineData("哈尔滨工业大学(威海)", "哈尔滨工业大学（威海）")]
    [InlineData("哈尔滨工业大学 （威海）", "哈尔滨工业大学（威海）")]
    [InlineData("山东大学【威海】", "山东大学(威海)")]
    [InlineData("ＡＢＣ Co.", "abc co.")]
    public void Brackets_widths_and_spaces_do_not_matter(string a, string b) => Assert.True(OrganizationName.SameAs(a, b));

    [Theory]
    [InlineData("哈尔滨工业大学（威海）", "哈尔滨工业大学")]
    [InlineData("哈尔滨工业大学（威海）", "哈尔滨工业大学（威海）某某科技有限公司")]
    public void A_name_that_contains_another_is_another_organisation(string a, string b) => Assert.False(OrganizationName.SameAs(a, b));
}
