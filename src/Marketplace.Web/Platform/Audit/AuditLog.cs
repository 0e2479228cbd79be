using System.Security.Claims;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Platform.Audit;

/// <summary>
/// Adds an audit row to the current unit of work. It does not save: the row is written by the same
/// SaveChanges as the change it describes, so both commit or neither does.
/// </summary>
public sealed class AuditLog(MarketplaceDb db, IHttpContextAccessor http, TimeProvider clock)
{
    public AuditEntry Record(string entity, object entityId, string action, string? fromState, string? toState, string? comment = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var entry = new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = user?.UserId(),
            UserEmail = user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name,
            OrganizationId = user?.OrganizationId(),
            Entity = entity,
            EntityId = entityId.ToString()!,
            Action = action,
            FromState = fromState,
            ToState = toState,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Comment = comment,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
