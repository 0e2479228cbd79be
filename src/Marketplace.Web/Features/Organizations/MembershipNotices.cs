using Marketplace.Domain.Common;
using Marketplace.Domain.Organizations;
using Marketplace.Web.Features.Notifications;

namespace Marketplace.Web.Features.Organizations;

/// <summary>
/// The park office hears of every change to who may act for an organisation and of every change to a bank's lending
/// policy: these decide who makes and who checks loans, so they are watched from outside the organisation too.
/// </summary>
public sealed class MembershipNotices(Notifier notifier)
{
    public const string MembersKind = "organization.members";
    public const string PolicyKind = "pledges.policy";

    public Task MemberAddedAsync(Organization organization, string email, string role) => SendAsync(MembersKind, OrganizationService.AuditEntity, organization,
        new Text("{0}: {1} was added as {2}.", organization.NameZh, email, new Text("Role." + role)));

    public Task MemberDeactivatedAsync(Organization organization, string email) => SendAsync(MembersKind, OrganizationService.AuditEntity, organization,
        new Text("{0}: {1} can no longer sign in.", organization.NameZh, email));

    public Task PolicyChangedAsync(Organization organization, string auditEntity) => SendAsync(PolicyKind, auditEntity, organization,
        new Text("{0} changed its pledge lending policy.", organization.NameZh));

    private Task SendAsync(string kind, string auditEntity, Organization organization, Text text) =>
        notifier.ToParkOfficeAsync(new Notice(kind, text, $"/Audit?entity={auditEntity}&entityId={organization.Id}", organization.Id));
}
