using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Targets;

namespace Marketplace.Web.Features.Targets.Records;

/// <summary>
/// Which records make a figure: a period of business dates (a year, a month "2024-03", or from/to), narrowed by the
/// dashboard slice that was clicked. Deals and their payments count by contract date, tranches by payment date —
/// exactly as the kept totals count them, so a list always sums to the figure it was opened from.
/// </summary>
public sealed class RecordFilter
{
    public int? Year { get; set; }
    public string? Month { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public DealCategory? Category { get; set; }
    public string? Owner { get; set; }
    public string? Industry { get; set; }
    public Guid? Bank { get; set; }
    public EvidenceState? Evidence { get; set; }
    public RecordSource? Source { get; set; }

    /// <summary>Whether a record of this evidence and source belongs in the list.</summary>
    public bool Admits(EvidenceState evidence, RecordSource source) => (Evidence is null || Evidence == evidence) && (Source is null || Source == source);

    /// <summary>The period as dates, after checking the input (400s naming the field).</summary>
    public (DateOnly From, DateOnly To) Period()
    {
        TargetsFeature.ValidYear(Year, "year");
        var (from, to) = (From ?? DateOnly.MinValue, To ?? DateOnly.MaxValue);
        if (From is { } f && f.Year is < 2000 or > 2100) throw new DomainRuleException("from", "Give a date between 2000 and 2100.");
        if (To is { } t && t.Year is < 2000 or > 2100) throw new DomainRuleException("to", "Give a date between 2000 and 2100.");
        if (from > to) throw new DomainRuleException("from", "The start of the period is after its end.");
        if (Year is { } y) (from, to) = (Later(from, new DateOnly(y, 1, 1)), Earlier(to, new DateOnly(y, 12, 31)));
        if (Month is { } m)
        {
            if (!DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", out var first) || first.Year is < 2000 or > 2100)
                throw new DomainRuleException("month", "Give the month as yyyy-MM, e.g. 2024-03.");
            (from, to) = (Later(from, first), Earlier(to, first.AddMonths(1).AddDays(-1)));
        }
        return (from, to);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>A counted deal (or imported contract registration) with its evidence. <paramref name="Unregistered"/>: signed
/// without a technology-contract registration yet.</summary>
public sealed record DealRecord(Guid Id, DateOnly ContractDate, DealCategory Category, string Owner, string Industry, string ApplicationNumber,
    string PatentTitleZh, string SellerNameZh, string BuyerNameZh, decimal ContractAmount, decimal Received, DealStatus? Status,
    string? RegistrationNumber, string? RecordNumber, DealOrigin? Origin, RecordSource Source, EvidenceState Evidence, string? VerifiedBy,
    DateTimeOffset? VerifiedAt, int Documents)
{
    public bool Unregistered => RegistrationNumber is null;
}

public sealed record PaymentRecord(Guid InstalmentId, Guid DealId, DateOnly ContractDate, string? RegistrationNumber, int Number, string Label,
    PaymentMethod? Method, string? Reference, decimal Paid, decimal Refunded, decimal Net, DateTimeOffset? ConfirmedAt, EvidenceState Evidence,
    string? VerifiedBy, DateTimeOffset? VerifiedAt, int Documents);

/// <summary>A disbursed tranche (<paramref name="Tranche"/> numbers it within its loan) of an application or an imported
/// registration (<paramref name="Source"/>), with the CNIPA pledge registration and its evidence.</summary>
public sealed record LoanRecord(Guid ApplicationId, int Tranche, DateOnly DisbursedOn, decimal Amount, Guid BankOrganizationId, string BankNameZh,
    string ApplicantNameZh, string? PledgeRegistrationNumber, DateOnly? RegisteredOn, decimal ApprovedAmount, Domain.Pledges.PledgeStatus? Status,
    RecordSource Source, EvidenceState Evidence, string? VerifiedBy, DateTimeOffset? VerifiedAt, int Documents);

/// <summary>A session held, with its attendance as the evidence (checked in at the door or seen online).</summary>
public sealed record SessionRecord(Guid Id, DateTimeOffset StartsAt, string TitleZh, string Theme, Domain.Sessions.SessionStatus Status,
    int Registered, int Approved, int CheckedIn, int Online, int Attended, EvidenceState Evidence, string? VerifiedBy, DateTimeOffset? VerifiedAt, int Documents);

/// <summary>A drill-down answer: the records and what they add up to (Total is the figure; Second, for deals, the money received).</summary>
public sealed record RecordsResponse<T>(string Kind, DateOnly From, DateOnly To, decimal Total, decimal Second, int Count, IReadOnlyList<T> Rows);
