using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

// The patent watch's events. The notification centre turns them into notices and e-mails; the features that own
// listings, negotiations, deals and loans react to PatentLapsed and PatentRestored. Each is raised once per crossing.

/// <summary>An annual fee falls due within <paramref name="DaysBefore"/> days (90, 30 or 7): the tightest threshold
/// reached when the watch first saw it.</summary>
public sealed record AnnualFeeDueSoon(Guid PatentId, int Year, DateOnly DueDate, decimal Amount, int DaysBefore) : IDomainEvent;

/// <summary>The due date passed unpaid: the fee can still be paid with its surcharge until <paramref name="GraceEnds"/>.</summary>
public sealed record AnnualFeeOverdue(Guid PatentId, int Year, DateOnly DueDate, DateOnly GraceEnds, decimal Amount, decimal SurchargeToday) : IDomainEvent;

/// <summary>The term ends within a year, on <paramref name="TermEnd"/>.</summary>
public sealed record PatentTermEnding(Guid PatentId, DateOnly TermEnd) : IDomainEvent;

/// <summary>The right ended (or the application died) on <paramref name="On"/>, for <paramref name="Reason"/> in the
/// register's words. Listings of the patent are suspended, its loans watched, its negotiations and deals warned.</summary>
public sealed record PatentLapsed(Guid PatentId, DateOnly On, string Reason) : IDomainEvent;

/// <summary>The right was restored (权利恢复) on <paramref name="On"/>: suspended listings return to the catalog.</summary>
public sealed record PatentRestored(Guid PatentId, DateOnly On) : IDomainEvent;

/// <summary>What a negotiation or deal is warned of.</summary>
public enum PatentWarning
{
    /// <summary>The patent under negotiation lapsed: there is no right to license or transfer until it is restored.</summary>
    Lapsed,

    /// <summary>The lapsed patent was restored; talks can go on.</summary>
    Restored,
}

/// <summary>An open negotiation room's patent lapsed or was restored; both parties are to be told.</summary>
public sealed record NegotiationWarned(
    Guid InquiryId, Guid PatentId, Guid OwnerOrganizationId, Guid EnterpriseOrganizationId, PatentWarning Warning, DateOnly On, string? Reason) : IDomainEvent;

/// <summary>An unsigned (draft) deal's patent lapsed or was restored; both parties are to be told.</summary>
public sealed record DealWarned(
    Guid DealId, Guid PatentId, Guid SellerOrganizationId, Guid BuyerOrganizationId, PatentWarning Warning, DateOnly On, string? Reason) : IDomainEvent;
