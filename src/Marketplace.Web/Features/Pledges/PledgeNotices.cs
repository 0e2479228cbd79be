using Marketplace.Domain.Common;
using Marketplace.Domain.Pledges;
using Marketplace.Web.Features.Notifications;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// Live notices once a step has committed: the applicant hears of every state change of its application, and the
/// park office that the pledge figures moved. Each reader gets them in their own language (see <see cref="Notifier"/>).
/// </summary>
public sealed class PledgeNotices(Notifier notifier, Targets.TargetsBroadcast dashboards)
{
    public const string StatusKind = "pledge.status";
    public const string TargetsKind = "targets.pledges";

    public async Task StatusChangedAsync(PledgeApplication application, PledgeStatus before, bool figuresMoved, CancellationToken ct)
    {
        if (application.Status == before && !figuresMoved) return;
        var url = $"/Pledges/Detail/{application.Id}";
        if (application.Status != before)
            await notifier.ToOrganizationAsync(application.ApplicantOrganizationId,
                new Notice(StatusKind, new Text("Your pledge loan application is now: {0}", application.Status), url, application.Id));
        if (!figuresMoved) return;
        await dashboards.FiguresMovedAsync(TargetsKind);
        await notifier.ToParkOfficeAsync(new Notice(TargetsKind, "Pledge financing figures have changed.", "/Targets"));
    }
}
