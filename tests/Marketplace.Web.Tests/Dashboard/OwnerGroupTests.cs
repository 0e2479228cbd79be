using Marketplace.Web.Features.Targets;

namespace Marketplace.Web.Tests.Dashboard;

public sealed class OwnerGroupTests
{
    private static readonly Guid Registered = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");

    private static OwnerGroup Hit() => new() { Key = "HitWeihai", OrganizationIds = [Registered], Names = ["哈尔滨工业大学（威海）"] };

    [Fact]
    public void A_registered_organisation_belongs_by_id_whatever_its_name() => Assert.True(Hit().Holds(Registered, "HIT Weihai TTO"));

    [Theory]
    [InlineData("哈尔滨工业大学(威海)")]
    [InlineData("哈尔滨工业大学 （威海）")]
    public void Names_compare_after_bracket_and_space_normalisation(string name) => Assert.True(Hit().Holds(Guid.NewGuid(), name));

    [Theory]
    [InlineData("哈尔滨工业大学（威海）某某科技有限公司")]
    [InlineData("哈尔滨工业大学")]
    public void A_name_that_contains_or_is_contained_in_the_group_is_another_organisation(string name) =>
        Assert.False(Hit().Holds(Guid.NewGuid(), name));
}
