using Marketplace.Domain.Common;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Notifications;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// Who hears of a pledge step, written with the step: the bank's officers of a new (or answered) application in their
/// queue, its approvers of a recommendation to decide, and the applicant of every move of its application — by the
/// kinds the issue names (decided, registered, disbursed) and otherwise as a change of state.
/// </summary>
public sealed class PledgeNotices(NoticeBoard board) : IDomainEventHandler<PledgeStepTaken>
{
    public static string Url(Guid applicationId) => $"/Pledges/Detail/{applicationId}";

    public async Task HandleAsync(PledgeStepTaken step, CancellationToken ct)
    {
        var (id, bank, url) = (step.ApplicationId, step.BankOrganizationId, Url(step.ApplicationId));
        if (step.To == PledgeStatus.Submitted)
            await board.PostAsync(NoticeAudience.Members(bank, Roles.BankOfficer), NoticeKinds.PledgeSubmitted,
                "A pledge loan application was submitted to your bank.", url, id, ct: ct);
        if (step is { From: PledgeStatus.InfoRequested, To: PledgeStatus.UnderReview })
            await board.PostAsync(NoticeAudience.Members(bank, Roles.BankOfficer), NoticeKinds.PledgeSubmitted,
                "The applicant answered your question on a pledge loan application.", url, id, ct: ct);
        if (step.To == PledgeStatus.Recommended)
            await board.PostAsync(NoticeAudience.Members(bank, Roles.BankApprover), NoticeKinds.PledgeRecommended,
                "A pledge loan application was recommended and awaits your decision.", url, id, ct: ct);
        var (kind, text) = step.To switch
        {
            PledgeStatus.Approved or PledgeStatus.Rejected => (NoticeKinds.PledgeDecided, new Text("Your pledge loan application was decided: {0}", step.To)),
            PledgeStatus.PledgeRegistered => (NoticeKinds.PledgeRegistered, new Text("The pledge of your loan application is registered.")),
            PledgeStatus.Disbursed => (NoticeKinds.PledgeDisbursed, new Text("A tranche of your pledge loan was paid out.")),
            _ => (NoticeKinds.PledgeStatus, new Text("Your pledge loan application is now: {0}", step.To)),
        };
        await board.PostAsync(NoticeAudience.Organization(step.ApplicantOrganizationId), kind, text, url, id, ct: ct);
    }
}

/// <summary>The park office's dashboards hear, live, that the pledge figures moved (a signal, not a stored notice).</summary>
public sealed class PledgeFiguresSignal(Notifier notifier, Targets.TargetsBroadcast dashboards)
{
    public const string TargetsKind = "targets.pledges";

    public async Task FiguresMovedAsync()
    {
        await dashboards.FiguresMovedAsync(TargetsKind);
        await notifier.ToParkOfficeAsync(new Notice(TargetsKind, "Pledge financing figures have changed.", "/Targets"));
    }
}
