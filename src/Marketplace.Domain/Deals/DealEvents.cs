using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Matchmaking;
using Marketplace.Domain.Targets;

namespace Marketplace.Domain.Deals;

/// <summary>A step in a deal's life, whether or not it changed the state (one party's signature, a new schedule):
/// the audit log keeps each, and the other party hears of those that moved the deal. <paramref name="From"/> is null
/// when the step created the deal.</summary>
public sealed record DealStepTaken(Guid DealId, string Action, DealStatus? From, DealStatus To, string? Comment) : IDomainEvent;

/// <summary>What the deal contributes to the plan's figures changed (signed, cancelled, money received or refunded).</summary>
public sealed record DealCountChanged(Guid DealId, Guid SellerOrganizationId, Guid PatentId, DealContribution? Before, DealContribution? After) : IDomainEvent;

/// <summary>CNIPA recorded the licence contract or registered the transfer; a transfer or equity contribution
/// makes the buyer the patent's owner from now on.</summary>
public sealed record DealRecorded(Guid DealId, Guid PatentId, Guid SellerOrganizationId, Guid BuyerOrganizationId, TradeMode Mode) : IDomainEvent
{
    public bool MovesOwnership => Mode is TradeMode.Transfer or TradeMode.Equity;
}

/// <summary>A deal agreed in a negotiation room (or entered by the park office) now exists; <paramref name="NeedId"/>
/// is the technology need the room was opened for, if any.</summary>
public sealed record DealCreated(Guid DealId, Guid? InquiryId, Guid? NeedId, DealOrigin Origin) : IDomainEvent;

/// <summary>An instalment's payment moved: an intent was created, a transfer reported or confirmed, Stripe's state
/// applied. <paramref name="Change"/> is the change in money received (refunds negative).</summary>
public sealed record InstalmentChanged(Guid DealId, Guid InstalmentId, string Action, InstalmentStatus From, InstalmentStatus To, decimal Change, string? Comment) : IDomainEvent;

/// <summary>Everything the contract amount calls for has been received.</summary>
public sealed record DealPaidInFull(Guid DealId) : IDomainEvent;

/// <summary>
/// What a deal adds to the plan's figures in the month its contract is dated: nothing unless signed and not cancelled.
/// The contract counts under the deal's own evidence state, the money received under each payment's.
/// </summary>
public readonly record struct DealContribution(int Year, int Month, DealCategory Category, RecordSource Source, EvidenceState Evidence,
    decimal Contracted, int Deals, EvidenceSplit ReceivedSplit)
{
    public decimal Received => ReceivedSplit.Total;

    /// <summary>One cell per evidence state that holds something: what the kept totals add or take away.</summary>
    public IEnumerable<(EvidenceState Evidence, decimal Contracted, decimal Received, int Deals)> Cells()
    {
        foreach (var state in Enum.GetValues<EvidenceState>())
        {
            var (contracted, deals) = state == Evidence ? (Contracted, Deals) : (0m, 0);
            var received = ReceivedSplit[state];
            if (contracted != 0 || received != 0 || deals != 0) yield return (state, contracted, received, deals);
        }
    }

    /// <summary>The same contribution with every figure's sign turned, to take it out of the totals.</summary>
    public DealContribution Negated() => this with { Contracted = -Contracted, Deals = -Deals, ReceivedSplit = ReceivedSplit.Negated() };
}
