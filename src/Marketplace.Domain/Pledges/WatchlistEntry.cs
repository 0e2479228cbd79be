using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Pledges;

/// <summary>Why a loan is on its bank's watchlist.</summary>
public enum WatchReason
{
    /// <summary>A patent securing the loan lapsed: the pledge secures nothing until the right is restored.</summary>
    PatentLapsed,
}

/// <summary>A loan was put on its bank's watchlist: its officers are to be told.</summary>
public sealed record LoanWatchlisted(Guid EntryId, Guid PledgeApplicationId, Guid BankOrganizationId, Guid PatentId, WatchReason Reason, DateOnly Since) : IDomainEvent;

/// <summary>
/// A loan (or an application the bank may still grant) whose security is at risk, on its bank's watchlist with
/// the reason, until the risk is gone (the right restored). Entries are resolved, never deleted: the list of what
/// was watched and when is the bank's record.
/// </summary>
public sealed class WatchlistEntry : AggregateRoot
{
    /// <summary>The states in which the bank has lent or may still lend against the patents. A repaid loan's pledge
    /// secures nothing, so it is not watched.</summary>
    public static readonly PledgeStatus[] Watched =
    [
        PledgeStatus.Submitted, PledgeStatus.UnderReview, PledgeStatus.InfoRequested, PledgeStatus.Recommended,
        PledgeStatus.Approved, PledgeStatus.PledgeRegistered, PledgeStatus.Disbursed, PledgeStatus.Defaulted,
    ];

    public Guid Id { get; private set; }
    public Guid PledgeApplicationId { get; private set; }
    public Guid BankOrganizationId { get; private set; }
    public Guid PatentId { get; private set; }
    public WatchReason Reason { get; private set; }

    /// <summary>The register's words for it, e.g. 未缴年费专利权终止.</summary>
    public string Detail { get; private set; } = "";

    /// <summary>The day the risk arose (the lapse's date).</summary>
    public DateOnly Since { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public DateOnly? ResolvedOn { get; private set; }

    private WatchlistEntry() { }

    public static WatchlistEntry Open(PledgeApplication loan, Guid patentId, WatchReason reason, string detail, DateOnly since, DateTimeOffset now)
    {
        if (!Watched.Contains(loan.Status)) throw new InvalidOperationException($"A loan in state {loan.Status} is not watched.");
        if (!loan.PatentIds.Contains(patentId)) throw new ArgumentException("The patent does not secure this loan.", nameof(patentId));
        var entry = new WatchlistEntry
        {
            Id = Guid.CreateVersion7(now), PledgeApplicationId = loan.Id, BankOrganizationId = loan.BankOrganizationId, PatentId = patentId,
            Reason = reason, Detail = TextRules.Required(detail, "detail", "the reason", 200), Since = since, AddedAt = now,
        };
        entry.Raise(new LoanWatchlisted(entry.Id, loan.Id, loan.BankOrganizationId, patentId, reason, since));
        return entry;
    }

    public bool IsOpen => ResolvedOn is null;

    /// <summary>The risk is gone (the right was restored on <paramref name="on"/>).</summary>
    public void Resolve(DateOnly on) => ResolvedOn ??= on;
}
