using Marketplace.Domain.Common;
using Marketplace.Domain.Registries;

namespace Marketplace.Domain.Tests.Targets;

public sealed class RegistryNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Theory]
    [InlineData("2024371000000123", "2024371000000123")]
    [InlineData(" 2024-3710-0000-0123 ", "2024371000000123")]
    [InlineData("２０２４３７１０００００ ０１２３", "2024371000000123")]
    [InlineData("24371000000123", "24371000000123")]
    public void A_technology_contract_registration_number_of_14_or_16_digits_is_accepted(string input, string stored) =>
        Assert.Equal(stored, RegistryNumbers.ContractRegistration(input, new DateOnly(2024, 3, 1), Today));

    [Theory]
    [InlineData("2024371000000000", "serial")]
    [InlineData("2024991000000123", "province")]
    [InlineData("1984371000000123", "year")]
    [InlineData("2023371000000123", "before")]
    [InlineData("2024371000000", "16 digits")]
    public void A_technology_contract_registration_number_is_refused_for_what_its_format_rules_out(string input, string said)
    {
        var refusal = Assert.Throws<DomainRuleException>(() => RegistryNumbers.ContractRegistration(input, new DateOnly(2024, 3, 1), Today));
        Assert.Equal("registrationNumber", refusal.Field);
        Assert.Contains(said, refusal.Message);
    }

    [Theory]
    [InlineData("Y2024980001234", "Y2024980001234")]
    [InlineData("2024370001234", "Y2024370001234")]
    [InlineData("y 2024-98-0001234", "Y2024980001234")]
    public void A_pledge_registration_number_is_stored_with_its_Y(string input, string stored) =>
        Assert.Equal(stored, RegistryNumbers.PledgeRegistration(input, new DateOnly(2024, 5, 1)));

    [Theory]
    [InlineData("Y2023980001234")]
    [InlineData("Y2024000001234")]
    [InlineData("Y2024980000000")]
    [InlineData("Y202498000123")]
    [InlineData("X2024980001234")]
    [InlineData("")]
    public void A_pledge_registration_number_of_another_year_region_or_shape_is_refused(string input) =>
        Assert.Equal("registrationNumber", Assert.Throws<DomainRuleException>(() => RegistryNumbers.PledgeRegistration(input, new DateOnly(2024, 5, 1))).Field);

    [Fact]
    public void A_licence_record_number_is_13_digits_of_the_record_year_with_or_without_its_X()
    {
        Assert.Equal("2014510000101", RegistryNumbers.LicenceRecord("2014510000101", new DateOnly(2014, 8, 1)));
        Assert.Equal("2024370000123", RegistryNumbers.LicenceRecord("X2024370000123", new DateOnly(2024, 8, 1)));
        Assert.Equal("recordNumber", Assert.Throws<DomainRuleException>(() => RegistryNumbers.LicenceRecord("CNIPA-2024-1", new DateOnly(2024, 8, 1))).Field);
        Assert.Throws<DomainRuleException>(() => RegistryNumbers.LicenceRecord("2023370000123", new DateOnly(2024, 8, 1)));
    }
}
