using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Audit;

/// <summary>Filters for the audit log; shared by the ParkAdmin page and GET /api/audit.</summary>
public sealed class AuditFilter
{
    public string? Entity { get; set; }
    public string? EntityId { get; set; }
    public string? Action { get; set; }
    public string? User { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int Page { get; set; } = 1;

    public const int PageSize = 50;
}

/// <summary>One step in an object's history, as its page and API show it.</summary>
/// <param name="Entity">What the row is about (a deal's timeline also holds its payments' rows).</param>
public sealed record StatusChange(DateTimeOffset At, string Action, string? From, string? To, string? By, string? Comment, string Entity);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore);

public static class AuditQuery
{
    public static async Task<AuditPage> RunAsync(MarketplaceDb db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Entity)) query = query.Where(a => a.Entity == filter.Entity);
        if (!string.IsNullOrWhiteSpace(filter.EntityId)) query = query.Where(a => a.EntityId == filter.EntityId);
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(a => a.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.User)) query = query.Where(a => a.UserEmail != null && a.UserEmail.Contains(filter.User));
        // Day bounds are China days: the park office reads the log in its own calendar.
        // The calendar's first and last days bound nothing (and would overflow as China time).
        if (filter.From is { } from && from > DateOnly.MinValue.AddDays(1)) query = query.Where(a => a.OccurredAt >= ChinaMidnight(from));
        if (filter.To is { } to && to < DateOnly.MaxValue.AddDays(-1)) query = query.Where(a => a.OccurredAt < ChinaMidnight(to.AddDays(1)));
        // Past this page, (page - 1) × PageSize would overflow an int; such a page is empty anyway.
        var page = Math.Clamp(filter.Page, 1, int.MaxValue / (AuditFilter.PageSize + 1));
        var rows = await query.OrderByDescending(a => a.Id)
            .Skip((page - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize + 1).ToListAsync(ct);
        return new AuditPage(rows.Take(AuditFilter.PageSize).ToList(), page, rows.Count > AuditFilter.PageSize);
    }

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

    private static DateTimeOffset ChinaMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Domain.Common.BusinessCalendar.ChinaOffset).ToUniversalTime();
}
