using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.OffPlatform;
using Marketplace.Domain.Targets;

namespace Marketplace.Domain.Tests.Targets;

public sealed class OffPlatformTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private const string Pledgor = "91371000MA3C0A019T";

    private static PledgeRegistrationRow Row(decimal amount = 1_000_000m, params ImportedTranche[] tranches) => new("Y2024980001234", Pledgor, "威海海洋智能装备有限公司",
        ["202310104843.5"], amount, new DateOnly(2024, 3, 1), new DateOnly(2027, 3, 1), tranches);

    [Fact]
    public void A_pledge_registration_is_checked_and_its_tranches_count_as_imported_by_the_bank()
    {
        var values = PledgeRegistration.Check(Row(1_000_000m, new ImportedTranche(600_000m, new(2024, 4, 1)), new ImportedTranche(400_000m, new(2024, 9, 1))), Today);
        var pledge = ImportedPledge.Create(Guid.NewGuid(), Guid.NewGuid(), values, Now);
        Assert.Equal(1_000_000m, pledge.Disbursed);
        Assert.All(pledge.Figures(), f => Assert.Equal((RecordSource.ImportedByBank, EvidenceState.Declared), (f.Source, f.Evidence)));
        pledge.Document(Now);
        Assert.All(pledge.Figures(), f => Assert.Equal(EvidenceState.Documented, f.Evidence));
    }

    [Fact]
    public void Tranches_above_the_loan_a_failing_credit_code_and_a_bad_application_number_are_all_refused()
    {
        var refusal = Assert.Throws<DomainRulesException>(() => PledgeRegistration.Check(Row(500_000m, new ImportedTranche(600_000m, new(2024, 4, 1))) with
        {
            PledgorCreditCode = "91371000MA3C0A019X", ApplicationNumbers = ["202310104843.6"],
        }, Today));
        Assert.Equal(["pledgorCreditCode", "applicationNumbers", "tranches"], refusal.All.Select(r => r.Field));
    }

    [Fact]
    public void A_re_import_with_other_values_withdraws_a_verification_and_one_without_changes_nothing()
    {
        var values = PledgeRegistration.Check(Row(1_000_000m, new ImportedTranche(600_000m, new(2024, 4, 1))), Today);
        var bank = Guid.NewGuid();
        var pledge = ImportedPledge.Create(bank, Guid.NewGuid(), values, Now);
        pledge.Document(Now);
        pledge.Verify(Guid.NewGuid(), "park", Now);
        Assert.False(pledge.Differs(values));
        pledge.Update(bank, Guid.NewGuid(), values, Now);
        Assert.Equal(EvidenceState.Verified, pledge.Evidence.State);
        pledge.Update(bank, Guid.NewGuid(), values with { Tranches = [new(600_000m, new(2024, 4, 1)), new(100_000m, new(2024, 5, 1))] }, Now);
        Assert.Equal((EvidenceState.Documented, 700_000m), (pledge.Evidence.State, pledge.Disbursed));
    }

    [Theory]
    [InlineData("独占许可", DealCategory.ExclusiveLicence)]
    [InlineData("专利实施许可", DealCategory.NonExclusiveLicence)]
    [InlineData("专利权转让", DealCategory.Transfer)]
    [InlineData("作价入股", DealCategory.Equity)]
    [InlineData("技术开发", null)]
    public void The_registry_s_contract_kinds_map_to_the_plan_s_categories(string kind, DealCategory? category) =>
        Assert.Equal(category, ContractRegistration.CategoryOf(kind));

    [Fact]
    public void An_imported_contract_registration_counts_contracted_as_off_platform_and_documented()
    {
        var values = ContractRegistration.Check(new ContractRegistrationRow("2024371000000123", "转让", "山东大学（威海）", "12371000495571023T", "威海新材料股份有限公司",
            "91371000MA3C0A035G", ["202310104843.5"], 250_000m, new DateOnly(2024, 5, 10), new DateOnly(2024, 6, 1)), Today);
        var contract = ImportedContract.Create(Guid.NewGuid(), values, "SduWeihai", "Other", Now);
        var c = contract.Contribution;
        Assert.Equal((2024, 5, DealCategory.Transfer, RecordSource.ImportedRegistry, EvidenceState.Documented, 250_000m, 0m, 1),
            (c.Year, c.Month, c.Category, c.Source, c.Evidence, c.Contracted, c.Received, c.Deals));
        Assert.Equal("buyerCreditCode", Assert.Throws<DomainRuleException>(() => ContractRegistration.Check(new ContractRegistrationRow("2024371000000123", "转让",
            "a", "91371000MA3C0A035G", "b", "91371000MA3C0A035G", [], 1m, new DateOnly(2024, 5, 10), new DateOnly(2024, 6, 1)), Today)).Field);
    }
}
