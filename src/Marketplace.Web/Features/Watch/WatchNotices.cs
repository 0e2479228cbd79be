using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications;
using Marketplace.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Watch;

/// <summary>
/// Tells people what the watch found, in the transaction that found it: the patent's managing organisation hears of
/// fees, the term's end, a lapse and a restoration; both parties of a negotiation or a draft deal hear that its patent
/// lapsed or came back; a bank's officers and approvers hear that a loan went on the watchlist. The watch raises each
/// crossing once, and the dedupe key keeps a replayed event from telling anyone twice.
/// </summary>
public sealed class WatchNotices(MarketplaceDb db, NoticeBoard board) :
    IDomainEventHandler<AnnualFeeDueSoon>, IDomainEventHandler<AnnualFeeOverdue>, IDomainEventHandler<PatentTermEnding>,
    IDomainEventHandler<PatentLapsed>, IDomainEventHandler<PatentRestored>, IDomainEventHandler<NegotiationWarned>,
    IDomainEventHandler<DealWarned>, IDomainEventHandler<LoanWatchlisted>
{
    public async Task HandleAsync(AnnualFeeDueSoon due, CancellationToken ct)
    {
        var (owner, name) = await PatentAsync(due.PatentId, ct);
        await board.PostAsync(NoticeAudience.Organization(owner), NoticeKinds.WatchAlert,
            new Text("The annual fee for year {0} of {1} is due on {2}: {3:N2} yuan.", due.Year, name, Day(due.DueDate), due.Amount),
            PatentUrl(due.PatentId), due.PatentId, $"fee-due:{due.PatentId}:{due.Year}:{due.DaysBefore}", ct);
    }

    public async Task HandleAsync(AnnualFeeOverdue overdue, CancellationToken ct)
    {
        var (owner, name) = await PatentAsync(overdue.PatentId, ct);
        await board.PostAsync(NoticeAudience.Organization(owner), NoticeKinds.WatchAlert,
            new Text("The annual fee for year {0} of {1} is overdue: pay it by {2} with the surcharge ({3:N2} yuan today), or the patent lapses.",
                overdue.Year, name, Day(overdue.GraceEnds), overdue.SurchargeToday),
            PatentUrl(overdue.PatentId), overdue.PatentId, $"fee-overdue:{overdue.PatentId}:{overdue.Year}", ct);
    }

    public async Task HandleAsync(PatentTermEnding ending, CancellationToken ct)
    {
        var (owner, name) = await PatentAsync(ending.PatentId, ct);
        await board.PostAsync(NoticeAudience.Organization(owner), NoticeKinds.WatchAlert,
            new Text("The term of {0} ends on {1}.", name, Day(ending.TermEnd)), PatentUrl(ending.PatentId), ending.PatentId,
            $"term-ending:{ending.PatentId}:{ending.TermEnd:yyyyMMdd}", ct);
    }

    public async Task HandleAsync(PatentLapsed lapsed, CancellationToken ct)
    {
        var (owner, name) = await PatentAsync(lapsed.PatentId, ct);
        await board.PostAsync(NoticeAudience.Organization(owner), NoticeKinds.WatchAlert,
            new Text("{0} lapsed on {1}; its listings are suspended until the right is restored.", name, Day(lapsed.On)),
            PatentUrl(lapsed.PatentId), lapsed.PatentId, $"lapsed:{lapsed.PatentId}:{lapsed.On:yyyyMMdd}", ct);
    }

    public async Task HandleAsync(PatentRestored restored, CancellationToken ct)
    {
        var (owner, name) = await PatentAsync(restored.PatentId, ct);
        await board.PostAsync(NoticeAudience.Organization(owner), NoticeKinds.WatchAlert,
            new Text("{0} was restored on {1}; its suspended listings are published again.", name, Day(restored.On)),
            PatentUrl(restored.PatentId), restored.PatentId, $"restored:{restored.PatentId}:{restored.On:yyyyMMdd}", ct);
    }

    public async Task HandleAsync(NegotiationWarned warned, CancellationToken ct)
    {
        var (_, name) = await PatentAsync(warned.PatentId, ct);
        var text = warned.Warning == PatentWarning.Lapsed
            ? new Text("The patent under negotiation ({0}) lapsed on {1}: it cannot be licensed or transferred until it is restored.", name, Day(warned.On))
            : new Text("The patent under negotiation ({0}) was restored on {1}; the talks can go on.", name, Day(warned.On));
        await board.PostAsync(new NoticeAudience([warned.OwnerOrganizationId, warned.EnterpriseOrganizationId]), NoticeKinds.WatchAlert, text,
            $"/Inquiries/Room/{warned.InquiryId}", warned.InquiryId, $"talks:{warned.InquiryId}:{warned.Warning}:{warned.On:yyyyMMdd}", ct);
    }

    public async Task HandleAsync(DealWarned warned, CancellationToken ct)
    {
        var (_, name) = await PatentAsync(warned.PatentId, ct);
        var text = warned.Warning == PatentWarning.Lapsed
            ? new Text("The patent of an unsigned deal ({0}) lapsed on {1}: do not sign until it is restored.", name, Day(warned.On))
            : new Text("The patent of an unsigned deal ({0}) was restored on {1}.", name, Day(warned.On));
        await board.PostAsync(new NoticeAudience([warned.SellerOrganizationId, warned.BuyerOrganizationId]), NoticeKinds.WatchAlert, text,
            $"/Deals/Detail/{warned.DealId}", warned.DealId, $"deal:{warned.DealId}:{warned.Warning}:{warned.On:yyyyMMdd}", ct);
    }

    public async Task HandleAsync(LoanWatchlisted listed, CancellationToken ct)
    {
        var (_, name) = await PatentAsync(listed.PatentId, ct);
        await board.PostAsync(NoticeAudience.Members(listed.BankOrganizationId, Roles.BankOfficer, Roles.BankApprover), NoticeKinds.WatchAlert,
            new Text("A loan secured by {0} is on the watchlist: {1}.", name, listed.Reason),
            $"/Pledges/Detail/{listed.PledgeApplicationId}", listed.PledgeApplicationId, $"watchlist:{listed.EntryId}", ct);
    }

    /// <summary>Found among the tracked entities first: the watch changes the patent in the same transaction.</summary>
    private async Task<(Guid Owner, string Name)> PatentAsync(Guid patentId, CancellationToken ct)
    {
        var patent = await db.Patents.FindAsync([patentId], ct)
                     ?? throw new InvalidOperationException($"Patent {patentId} raised a watch event but is not in the database.");
        return (patent.OwnerOrganizationId, $"{patent.ApplicationNumber}「{patent.TitleZh}」");
    }

    private static string PatentUrl(Guid patentId) => $"/Watch/Patent/{patentId}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");
}
