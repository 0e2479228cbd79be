using Marketplace.Domain.Pledges;
using Marketplace.Web.Features.Localization;
using Marketplace.Web.Features.Notifications;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Pledges;

/// <summary>
/// Live notices once a step has committed: the applicant hears of every state change of its application, and the
/// park office that the pledge figures moved. Written in Chinese, the park's language, whoever triggered the step.
/// </summary>
public sealed class PledgeNotices(Notifier notifier, IStringLocalizer<SharedResource> t, Targets.TargetsBroadcast dashboards)
{
    public const string StatusKind = "pledge.status";
    public const string TargetsKind = "targets.pledges";

    public async Task StatusChangedAsync(PledgeApplication application, PledgeStatus before, bool figuresMoved, CancellationToken ct)
    {
        if (application.Status == before && !figuresMoved) return;
        var url = $"/Pledges/Detail/{application.Id}";
        var (status, moved) = LocalizationFeature.InChinese(() => (
            string.Format(t["Your pledge loan application is now: {0}"], t[application.Status.ToString()]),
            t["Pledge financing figures have changed."].Value));
        if (application.Status != before)
            await notifier.ToOrganizationAsync(application.ApplicantOrganizationId, new Notification(StatusKind, status, url, application.Id));
        if (!figuresMoved) return;
        await dashboards.FiguresMovedAsync(TargetsKind);
        await notifier.ToParkOfficeAsync(new Notification(TargetsKind, moved, "/Targets"));
    }
}
