using System.Security.Claims;
using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Patents;
using Microsoft.EntityFrameworkCore;
using Marketplace.Web.Platform.Identity;

namespace Marketplace.Web.Features.Watch;

public sealed record FeeLine(int Year, DateOnly DueDate, DateOnly GraceEnds, decimal Amount, bool Paid);

/// <summary>The fee to pay next: how many days are left (negative once overdue) and the surcharge if paid today.</summary>
public sealed record NextFee(int Year, DateOnly DueDate, DateOnly GraceEnds, decimal Amount, int DaysLeft, decimal? SurchargeToday);

public sealed record PatentCalendarResponse(
    Guid PatentId, string ApplicationNumber, string TitleZh, PatentType Type, DateOnly FilingDate, DateOnly TermEnd, int TermCompensationDays,
    LegalStatus LegalStatus, string? LapseReason, DateOnly? FeesPaidThrough, NextFee? NextFee, IReadOnlyList<FeeLine> Fees,
    IReadOnlyList<AlertResponse> Alerts, IReadOnlyList<LegalEventResponse> Events);

public sealed record AlertResponse(long Id, Guid PatentId, string ApplicationNumber, string TitleZh, WatchAlertKind Kind, DateOnly On,
    int? FeeYear, decimal? Amount, int? DaysBefore, string? Detail, DateTimeOffset RaisedAt);

public sealed record LegalEventResponse(DateOnly On, string Status, LegalStatus? Reading, LegalEventOutcome Outcome, string Source, DateTimeOffset RecordedAt);

/// <summary>A patent that needs its fee paid soon (or already late), for the office's watch page.</summary>
public sealed record UpcomingFee(Guid PatentId, string ApplicationNumber, string TitleZh, NextFee Fee);

/// <summary>Reads the watch: a patent's calendar and history, the alerts and the fees coming up. An office sees its own
/// patents, the park office all; a patent's calendar is as visible as the patent.</summary>
public sealed class WatchReader(MarketplaceDb db, PatentService patents, TimeProvider clock)
{
    public const int UpcomingDays = 90;

    public async Task<PatentCalendarResponse> CalendarAsync(ClaimsPrincipal caller, Guid patentId, CancellationToken ct)
    {
        var p = await patents.FindVisibleAsync(caller, patentId, ct);
        var today = BusinessCalendar.Today(clock);
        var calendar = p.Calendar;
        var fees = calendar.Fees().Select(f => new FeeLine(f.Year, f.DueDate, f.GraceEnds, f.Amount,
            p.FeesPaidThrough is { } paid && calendar.PaidThrough(f.Year) <= paid)).ToList();
        var alerts = await Alerts(caller, patentId).Take(100).ToListAsync(ct);
        var events = await db.LegalStatusEvents.AsNoTracking().Where(e => e.PatentId == patentId).OrderByDescending(e => e.On).ThenByDescending(e => e.Id)
            .Select(e => new LegalEventResponse(e.On, e.Status, e.Reading, e.Outcome, e.Source, e.RecordedAt)).Take(200).ToListAsync(ct);
        return new PatentCalendarResponse(p.Id, p.ApplicationNumber, p.TitleZh, p.Type, p.FilingDate, p.TermEnd, p.TermCompensationDays,
            p.LegalStatus, p.LapseReason, p.FeesPaidThrough, Next(p.LegalStatus, calendar, p.FeesPaidThrough, today), fees, alerts, events);
    }

    public Task<List<AlertResponse>> AlertsAsync(ClaimsPrincipal caller, int limit, CancellationToken ct) => Alerts(caller).Take(limit).ToListAsync(ct);

    /// <summary>Valid patents whose next fee is due within <see cref="UpcomingDays"/> days or in its grace period,
    /// most urgent first. The paid-through date narrows the candidates in SQL: a fee follows it within a year.</summary>
    public async Task<List<UpcomingFee>> UpcomingAsync(ClaimsPrincipal caller, CancellationToken ct)
    {
        var today = BusinessCalendar.Today(clock);
        var (from, to) = (today.AddMonths(-AnnualFees.GraceMonths).AddYears(-1), today.AddDays(UpcomingDays));
        var candidates = await Own(caller).Where(p => p.LegalStatus == LegalStatus.Valid && p.FeesPaidThrough >= from && p.FeesPaidThrough <= to)
            .Select(p => new { p.Id, p.ApplicationNumber, p.TitleZh, p.Type, p.FilingDate, p.TermCompensationDays, p.FeesPaidThrough }).ToListAsync(ct);
        return candidates
            .Select(c => (c, Fee: Next(LegalStatus.Valid, new PatentCalendar(c.Type, c.FilingDate, c.TermCompensationDays), c.FeesPaidThrough, today)))
            .Where(x => x.Fee is { DaysLeft: <= UpcomingDays, SurchargeToday: not null })
            .OrderBy(x => x.Fee!.DaysLeft).Select(x => new UpcomingFee(x.c.Id, x.c.ApplicationNumber, x.c.TitleZh, x.Fee!)).ToList();
    }

    private static NextFee? Next(LegalStatus status, PatentCalendar calendar, DateOnly? paidThrough, DateOnly today) =>
        status == LegalStatus.Valid && paidThrough is { } paid && calendar.NextFee(paid) is { } fee
            ? new NextFee(fee.Year, fee.DueDate, fee.GraceEnds, fee.Amount, fee.DueDate.DayNumber - today.DayNumber, fee.Surcharge(today))
            : null;

    private IQueryable<Patent> Own(ClaimsPrincipal caller)
    {
        if (caller.IsInRole(Roles.ParkAdmin)) return db.Patents.AsNoTracking();
        var organizationId = caller.OrganizationId();
        return db.Patents.AsNoTracking().Where(p => p.OwnerOrganizationId == organizationId);
    }

    // The patent is filtered before the projection: EF cannot translate a filter on the projected record.
    private IQueryable<AlertResponse> Alerts(ClaimsPrincipal caller, Guid? patentId = null) =>
        from a in db.WatchAlerts.AsNoTracking()
        join p in Own(caller) on a.PatentId equals p.Id
        where patentId == null || a.PatentId == patentId
        orderby a.RaisedAt descending, a.Id descending
        select new AlertResponse(a.Id, a.PatentId, p.ApplicationNumber, p.TitleZh, a.Kind, a.On, a.FeeYear, a.Amount, a.DaysBefore, a.Detail, a.RaisedAt);
}
