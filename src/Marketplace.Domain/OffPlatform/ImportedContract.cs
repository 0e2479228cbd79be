using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Registries;
using Marketplace.Domain.Targets;

namespace Marketplace.Domain.OffPlatform;

/// <summary>A technology-contract registration as the registry's export gives it, before it is checked.</summary>
public sealed record ContractRegistrationRow(string? RegistrationNumber, string? Kind, string? SellerName, string? SellerCreditCode, string? BuyerName,
    string? BuyerCreditCode, IReadOnlyList<string> ApplicationNumbers, decimal? Amount, DateOnly? ContractDate, DateOnly? RegisteredOn);

/// <summary>The checked values of a <see cref="ContractRegistrationRow"/>.</summary>
public sealed record ContractRegistration(string RegistrationNumber, DealCategory Category, string SellerName, string SellerCreditCode, string BuyerName,
    string BuyerCreditCode, IReadOnlyList<string> ApplicationNumbers, decimal Amount, DateOnly ContractDate, DateOnly RegisteredOn)
{
    /// <summary>
    /// The contract kinds of the plan's figure (licence, equity contribution, transfer) as the registry's export words
    /// them; technology development, consulting and service contracts are not part of it.
    /// </summary>
    public static DealCategory? CategoryOf(string? kind) => (kind ?? "").Trim().ToLowerInvariant() switch
    {
        "独占许可" or "独占实施许可" or "exclusive licence" or "exclusivelicence" => DealCategory.ExclusiveLicence,
        "排他许可" or "排他实施许可" or "sole licence" or "solelicence" => DealCategory.SoleLicence,
        "开放许可" or "open licence" or "openlicence" => DealCategory.OpenLicence,
        "许可" or "专利实施许可" or "普通许可" or "普通实施许可" or "licence" or "license" or "nonexclusivelicence" => DealCategory.NonExclusiveLicence,
        "转让" or "专利权转让" or "专利申请权转让" or "transfer" => DealCategory.Transfer,
        "作价入股" or "作价投资" or "入股" or "equity" => DealCategory.Equity,
        _ => null,
    };

    public static ContractRegistration Check(ContractRegistrationRow row, DateOnly today)
    {
        var checks = new RuleChecks();
        var contractDate = checks.Value(() => row.ContractDate is { Year: >= 2000 } d && d <= today ? d
            : throw new DomainRuleException("contractDate", "Give the contract date, from 2000 to today."));
        var registeredOn = checks.Value(() => row.RegisteredOn is { } d && d <= today && (contractDate is null || d >= contractDate) ? d
            : throw new DomainRuleException("registeredOn", "Give the registration date, on or after the contract date and not in the future."));
        string? number = null;
        if (contractDate is { } c) checks.Try(() => RegistryNumbers.ContractRegistration(row.RegistrationNumber, c, today), out number);
        var category = checks.Value(() => CategoryOf(row.Kind)
            ?? throw new DomainRuleException("kind", "The kind is a licence (独占/排他/普通/开放许可), a transfer (转让) or an equity contribution (作价入股)."));
        checks.Try(() => TextRules.Required(row.SellerName, "sellerName", "the seller's name", 200), out var seller);
        checks.Try(() => UnifiedSocialCreditCode.Parse(row.SellerCreditCode, "sellerCreditCode").Value, out var sellerCode);
        checks.Try(() => TextRules.Required(row.BuyerName, "buyerName", "the buyer's name", 200), out var buyer);
        checks.Try(() => UnifiedSocialCreditCode.Parse(row.BuyerCreditCode, "buyerCreditCode").Value, out var buyerCode);
        if (sellerCode is not null && sellerCode == buyerCode)
            checks.Run(() => throw new DomainRuleException("buyerCreditCode", "The two parties must be different organisations."));
        checks.Try(() => row.ApplicationNumbers.Select(n => ApplicationNumber.Parse(n, "applicationNumbers").Value).Distinct().ToList(), out var patents);
        var amount = checks.Value(() => Money.Cny(row.Amount ?? 0m, "amount") > 0 ? row.Amount!.Value
            : throw new DomainRuleException("amount", "Give the contract amount, more than 0 yuan."));
        checks.ThrowIfAny();
        return new ContractRegistration(number!, category!.Value, seller, sellerCode!, buyer, buyerCode, patents, amount!.Value, contractDate!.Value, registeredOn!.Value);
    }
}

/// <summary>
/// A technology contract of a park entity registered at the technology market (技术合同登记) and imported by the park
/// office from the registry's export. Its registration number is its identity, shared with the platform's deals: a
/// number is counted once, as a deal or as an imported registration. It counts in the deal figures as off-platform,
/// contracted (the registry knows no payments), under its evidence.
/// </summary>
public sealed class ImportedContract
{
    public Guid Id { get; private set; }
    public Guid BatchId { get; private set; }
    public string RegistrationNumber { get; private set; } = "";
    public DealCategory Category { get; private set; }
    public string SellerName { get; private set; } = "";
    public string SellerCreditCode { get; private set; } = "";
    public string BuyerName { get; private set; } = "";
    public string BuyerCreditCode { get; private set; } = "";
    public IReadOnlyList<string> ApplicationNumbers { get; private set; } = [];
    public decimal Amount { get; private set; }
    public DateOnly ContractDate { get; private set; }
    public DateOnly RegisteredOn { get; private set; }

    /// <summary>The owner group and industry the totals count it under, fixed at import (the seller and patents as then known).</summary>
    public string Owner { get; private set; } = "";
    public string Industry { get; private set; } = "";
    public EvidenceStatus Evidence { get; private set; } = EvidenceStatus.Declared;
    public DateTimeOffset ImportedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    private ImportedContract() { }

    /// <summary>The registry's own export is the document behind the row, so an imported registration starts documented.</summary>
    public static ImportedContract Create(Guid batch, ContractRegistration values, string owner, string industry, DateTimeOffset now)
    {
        var contract = new ImportedContract { Id = Guid.CreateVersion7(now), ImportedAt = now, Evidence = EvidenceStatus.Initial(documented: true) };
        contract.Set(batch, values, owner, industry, now);
        return contract;
    }

    public bool Differs(ContractRegistration values, string owner, string industry) =>
        (Category, SellerName, SellerCreditCode, BuyerName, BuyerCreditCode, Amount, ContractDate, RegisteredOn, Owner, Industry)
        != (values.Category, values.SellerName, values.SellerCreditCode, values.BuyerName, values.BuyerCreditCode, values.Amount, values.ContractDate,
            values.RegisteredOn, owner, industry)
        || !ApplicationNumbers.SequenceEqual(values.ApplicationNumbers);

    public void Update(Guid batch, ContractRegistration values, string owner, string industry, DateTimeOffset now)
    {
        if (!Differs(values, owner, industry)) return;
        if (Evidence.State == EvidenceState.Verified) Evidence = Evidence.Withdraw();
        Set(batch, values, owner, industry, now);
    }

    public void Document(DateTimeOffset now) => (Evidence, UpdatedAt) = (Evidence.WithDocument(), now);

    public void Verify(Guid userId, string? by, DateTimeOffset now) => (Evidence, UpdatedAt) = (Evidence.Verify(userId, by, now), now);

    public void WithdrawVerification(DateTimeOffset now) => (Evidence, UpdatedAt) = (Evidence.Withdraw(), now);

    public DealContribution Contribution => new(ContractDate.Year, ContractDate.Month, Category, RecordSource.ImportedRegistry, Evidence.State, Amount, 1, default);

    private void Set(Guid batch, ContractRegistration v, string owner, string industry, DateTimeOffset now)
    {
        (BatchId, RegistrationNumber, Category, SellerName, SellerCreditCode, BuyerName, BuyerCreditCode) =
            (batch, v.RegistrationNumber, v.Category, v.SellerName, v.SellerCreditCode, v.BuyerName, v.BuyerCreditCode);
        (ApplicationNumbers, Amount, ContractDate, RegisteredOn, Owner, Industry, UpdatedAt) =
            (v.ApplicationNumbers, v.Amount, v.ContractDate, v.RegisteredOn, owner, industry, now);
    }
}
