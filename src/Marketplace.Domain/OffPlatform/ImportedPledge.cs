using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Domain.Registries;
using Marketplace.Domain.Targets;

namespace Marketplace.Domain.OffPlatform;

/// <summary>One tranche of an imported pledge loan.</summary>
public sealed record ImportedTranche(decimal Amount, DateOnly On);

/// <summary>A pledge registration as a bank's spreadsheet gives it, before it is checked.</summary>
public sealed record PledgeRegistrationRow(string? RegistrationNumber, string? PledgorCreditCode, string? PledgorName, IReadOnlyList<string> ApplicationNumbers,
    decimal? Amount, DateOnly? RegisteredOn, DateOnly? ExpiresOn, IReadOnlyList<ImportedTranche> Tranches);

/// <summary>The checked values of a <see cref="PledgeRegistrationRow"/>.</summary>
public sealed record PledgeRegistration(string RegistrationNumber, string PledgorCreditCode, string PledgorName, IReadOnlyList<string> ApplicationNumbers,
    decimal Amount, DateOnly RegisteredOn, DateOnly ExpiresOn, IReadOnlyList<ImportedTranche> Tranches)
{
    /// <summary>Every refusal of the row at once, each naming its column: a bank fixes its file in one go.</summary>
    public static PledgeRegistration Check(PledgeRegistrationRow row, DateOnly today)
    {
        var checks = new RuleChecks();
        var registeredOn = checks.Value(() => PastDate(row.RegisteredOn, "registeredOn", today));
        string? number = null;
        if (registeredOn is { } on) checks.Try(() => RegistryNumbers.PledgeRegistration(row.RegistrationNumber, on), out number);
        checks.Try(() => UnifiedSocialCreditCode.Parse(row.PledgorCreditCode, "pledgorCreditCode").Value, out var code);
        checks.Try(() => TextRules.Required(row.PledgorName, "pledgorName", "the pledgor's name", 200), out var name);
        checks.Try(() => Applications(row.ApplicationNumbers), out var patents);
        var amount = checks.Value(() => PledgeAmounts.Positive(row.Amount ?? 0m, "amount"));
        var expires = checks.Value(() => row.ExpiresOn ?? throw new DomainRuleException("expiresOn", "Give the date the pledge expires."));
        if (registeredOn is { } r && expires is { } e && e <= r)
            checks.Run(() => throw new DomainRuleException("expiresOn", "The pledge must expire after it is registered."));
        for (var i = 0; i < row.Tranches.Count; i++)
        {
            var (t, field) = (row.Tranches[i], $"tranches[{i}]");
            checks.Run(() => PledgeAmounts.Positive(t.Amount, field + ".amount"));
            checks.Run(() =>
            {
                if (registeredOn is { } from && (t.On < from || t.On > today))
                    throw new DomainRuleException(field + ".on", new Text("A tranche is paid between the registration ({0}) and today.", from.ToString("yyyy-MM-dd")));
            });
        }
        var tranches = row.Tranches.Sum(t => t.Amount);
        if (amount is { } a && tranches > a)
            checks.Run(() => throw new DomainRuleException("tranches",
                new Text("The tranches add up to {0:N2} yuan, more than the loan's {1:N2} yuan.", tranches, a)));
        checks.ThrowIfAny();
        return new PledgeRegistration(number!, code, name, patents, amount!.Value, registeredOn!.Value, expires!.Value,
            row.Tranches.OrderBy(t => t.On).ToList());
    }

    private static DateOnly PastDate(DateOnly? date, string field, DateOnly today) => date switch
    {
        null => throw new DomainRuleException(field, "Give the date."),
        { Year: < 2000 } => throw new DomainRuleException(field, "Give a date from 2000 on."),
        { } d when d > today => throw new DomainRuleException(field, "The date cannot be in the future."),
        { } d => d,
    };

    private static IReadOnlyList<string> Applications(IReadOnlyList<string> numbers)
    {
        if (numbers.Count == 0) throw new DomainRuleException("applicationNumbers", "Give the application number of each pledged patent.");
        var parsed = numbers.Select(n => ApplicationNumber.Parse(n, "applicationNumbers").Value).Distinct().ToList();
        return parsed.Count <= 50 ? parsed : throw new DomainRuleException("applicationNumbers", "At most 50 patents per registration.");
    }
}

/// <summary>
/// A pledge registration a bank arranged in its own systems and brought in by import. Its registration number is its
/// identity: imported again by the same bank it is updated, never doubled; another bank cannot import it. Its tranches
/// count in the park's pledge financing as off-platform, under the record's evidence (the certificate, the park
/// office's verification).
/// </summary>
public sealed class ImportedPledge
{
    public Guid Id { get; private set; }
    public Guid BankOrganizationId { get; private set; }
    public Guid BatchId { get; private set; }
    public string RegistrationNumber { get; private set; } = "";
    public string PledgorCreditCode { get; private set; } = "";
    public string PledgorName { get; private set; } = "";
    public IReadOnlyList<string> ApplicationNumbers { get; private set; } = [];
    public decimal Amount { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public IReadOnlyList<ImportedTranche> Tranches { get; private set; } = [];
    public decimal Disbursed { get; private set; }
    public EvidenceStatus Evidence { get; private set; } = EvidenceStatus.Declared;
    public DateTimeOffset ImportedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    private ImportedPledge() { }

    public static ImportedPledge Create(Guid bank, Guid batch, PledgeRegistration values, DateTimeOffset now)
    {
        var pledge = new ImportedPledge { Id = Guid.CreateVersion7(now), BankOrganizationId = bank, ImportedAt = now };
        pledge.Set(batch, values, now);
        return pledge;
    }

    /// <summary>Whether importing <paramref name="values"/> again would change anything.</summary>
    public bool Differs(PledgeRegistration values) =>
        (PledgorCreditCode, PledgorName, Amount, RegisteredOn, ExpiresOn) != (values.PledgorCreditCode, values.PledgorName, values.Amount, values.RegisteredOn, values.ExpiresOn)
        || !ApplicationNumbers.SequenceEqual(values.ApplicationNumbers) || !Tranches.SequenceEqual(values.Tranches);

    /// <summary>The bank imported the registration again with other values: a verification of the old ones no longer holds.</summary>
    public void Update(Guid bank, Guid batch, PledgeRegistration values, DateTimeOffset now)
    {
        if (bank != BankOrganizationId) throw new InvalidOperationException("Only the importing bank updates its registration.");
        if (!Differs(values)) return;
        if (Evidence.State == EvidenceState.Verified) Evidence = Evidence.Withdraw();
        Set(batch, values, now);
    }

    public void Document(DateTimeOffset now) => Move(Evidence.WithDocument(), now);

    public void Verify(Guid userId, string? by, DateTimeOffset now) => Move(Evidence.Verify(userId, by, now), now);

    public void WithdrawVerification(DateTimeOffset now) => Move(Evidence.Withdraw(), now);

    /// <summary>What the registration adds to the pledge-financing figures: its tranches, month by month.</summary>
    public IReadOnlyList<MonthFigures> Figures() =>
        PledgeFigures.Tranches(Tranches.Select(t => (t.On, Evidence.State, t.Amount)), RecordSource.ImportedByBank).ToList();

    private void Move(EvidenceStatus next, DateTimeOffset now)
    {
        Evidence = next;
        UpdatedAt = now;
    }

    private void Set(Guid batch, PledgeRegistration values, DateTimeOffset now)
    {
        (BatchId, RegistrationNumber, PledgorCreditCode, PledgorName, ApplicationNumbers) =
            (batch, values.RegistrationNumber, values.PledgorCreditCode, values.PledgorName, values.ApplicationNumbers);
        (Amount, RegisteredOn, ExpiresOn, Tranches, Disbursed, UpdatedAt) =
            (values.Amount, values.RegisteredOn, values.ExpiresOn, values.Tranches, values.Tranches.Sum(t => t.Amount), now);
    }
}
