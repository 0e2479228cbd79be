namespace Marketplace.Domain.Pledges;

/// <summary>A pledge-loan application's lifecycle; see <see cref="PledgeApplication.Lifecycle"/> for the allowed steps.</summary>
public enum PledgeStatus
{
    Draft,
    Submitted,

    /// <summary>An officer of the bank has taken it.</summary>
    UnderReview,

    /// <summary>The officer asked the applicant a question; answering sends it back to review.</summary>
    InfoRequested,

    /// <summary>The officer proposed amount, rate, term and conditions; an approver decides.</summary>
    Recommended,
    Approved,
    Rejected,

    /// <summary>Registered with CNIPA: from here until <see cref="Released"/> the patents are locked.</summary>
    PledgeRegistered,

    /// <summary>At least one tranche paid out.</summary>
    Disbursed,
    Repaid,
    Defaulted,
    Released,
    Withdrawn,
}
