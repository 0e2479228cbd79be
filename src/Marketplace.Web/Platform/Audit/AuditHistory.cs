using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Platform.Audit;

/// <summary>One step in an object's history, as its page and API show it.</summary>
/// <param name="Entity">What the row is about (a deal's timeline also holds its payments' rows).</param>
public sealed record StatusChange(DateTimeOffset At, string Action, string? From, string? To, string? By, string? Comment, string Entity);

/// <summary>The audit log read back as an object's history, for the pages and APIs of the features that wrote it.</summary>
public static class AuditHistory
{
    /// <summary>An object's state changes, oldest first (listings, pledge applications).</summary>
    public static Task<List<StatusChange>> HistoryAsync(MarketplaceDb db, string entity, Guid id, CancellationToken ct)
    {
        var key = id.ToString();
        return Changes(db, db.AuditEntries.AsNoTracking().Where(a => a.Entity == entity && a.EntityId == key)).ToListAsync(ct);
    }

    /// <summary>Audit rows as a history a person reads, oldest first: who acted is the person and their organisation
    /// (the row keeps the address, which is what the log records; a user since removed shows by that address).</summary>
    public static IQueryable<StatusChange> Changes(MarketplaceDb db, IQueryable<AuditEntry> entries) =>
        from a in entries
        join u in db.Users on a.UserEmail equals u.Email into users
        from u in users.DefaultIfEmpty()
        join o in db.Organizations on u!.OrganizationId equals o.Id into organizations
        from o in organizations.DefaultIfEmpty()
        orderby a.Id
        select new StatusChange(a.OccurredAt, a.Action, a.FromState, a.ToState,
            u == null ? a.UserEmail : o == null ? u.DisplayName : u.DisplayName + "（" + o.NameZh + "）", a.Comment, a.Entity);
}
