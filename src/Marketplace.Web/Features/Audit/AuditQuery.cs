using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Marketplace.Web.Platform.Audit;

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

    private static DateTimeOffset ChinaMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Domain.Common.BusinessCalendar.ChinaOffset).ToUniversalTime();
}
