using System.Globalization;
using System.Text;
using Marketplace.Domain.Common;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Sessions;

public sealed record PitchReport(Guid PitchId, string Title, string Presenter, int Interest, int Inquiries, int Offers, int Deals, decimal Amount);

public sealed record SessionReportResponse(Guid Id, string TitleZh, string Theme, DateTimeOffset StartsAt, SessionStatus Status,
    int Registered, int Approved, int CheckedIn, int Online, int Attended, IReadOnlyDictionary<string, int> AttendanceByType,
    IReadOnlyList<PitchReport> Pitches, int Leads, int Inquiries, int Offers, IReadOnlyList<BoardDeal> Deals, decimal DealAmount);

/// <summary>What a session produced, for the office's report page and its CSV; and the yearly count against the target.</summary>
public sealed class SessionReport(MarketplaceDb db, SessionReader reader)
{
    /// <summary>The park's commitment: at least four sessions a year.</summary>
    public const int YearlyTarget = 4;

    public async Task<SessionReportResponse> BuildAsync(Guid id, CancellationToken ct)
    {
        var session = await reader.FindVisibleAsync(null, id, ct);
        var registrations = await db.SessionRegistrations.AsNoTracking().Where(r => r.SessionId == id).ToListAsync(ct);
        var agenda = await reader.AgendaAsync(session, ct);
        var inquiries = await db.Inquiries.AsNoTracking().Include(i => i.Offers).Where(i => i.SessionId == id).ToListAsync(ct);
        var (offers, deals) = await reader.TradeAsync(id, ct);
        var dealListings = await db.Deals.Where(d => d.SessionId == id).Select(d => new { d.ListingId, d.ContractAmount }).ToListAsync(ct);
        var pitches = agenda.Select(p => new PitchReport(p.Id, p.TitleZh, p.Presenter, p.Interest,
            inquiries.Count(i => i.ListingId == p.ListingId), inquiries.Where(i => i.ListingId == p.ListingId).Sum(i => i.Offers.Count),
            dealListings.Count(d => d.ListingId == p.ListingId), dealListings.Where(d => d.ListingId == p.ListingId).Sum(d => d.ContractAmount))).ToList();
        var attended = registrations.Where(r => r.Attended).ToList();
        return new SessionReportResponse(session.Id, session.Details.TitleZh, session.Details.Theme, session.StartsAt, session.Status,
            registrations.Count, registrations.Count(r => r.IsParticipant), registrations.Count(r => r.CheckedInAt is not null),
            registrations.Count(r => r.OnlineAt is not null), attended.Count,
            attended.GroupBy(r => r.OrganizationType.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            pitches, pitches.Sum(p => p.Interest), inquiries.Count, offers, deals, deals.Sum(d => d.Amount));
    }

    /// <summary>The report as CSV, with headers in the reader's language.</summary>
    public static string Csv(SessionReportResponse report, IStringLocalizer t)
    {
        string Headers(params LocalizedString[] headers) => string.Join(',', headers.Select(h => Cell(h.Value)));
        var csv = new StringBuilder();
        csv.AppendLine(Headers(t["Pitch"], t["Presenter"], t["Interested"], t["Inquiries"], t["Offers"], t["Deals"], t["Amount (CNY)"]));
        foreach (var p in report.Pitches)
            csv.AppendLine(string.Join(',', Cell(p.Title), Cell(p.Presenter), p.Interest, p.Inquiries, p.Offers, p.Deals, Amount(p.Amount)));
        csv.AppendLine(string.Join(',', Cell(t["Total"]), "", report.Leads, report.Inquiries, report.Offers, report.Deals.Count, Amount(report.DealAmount)));
        csv.AppendLine();
        csv.AppendLine(Headers(t["Registrations"], t["Approved registrations"], t["Checked in on site"], t["Online attendance"], t["Attended"]));
        csv.AppendLine(string.Join(',', report.Registered, report.Approved, report.CheckedIn, report.Online, report.Attended));
        return csv.ToString();
    }

    /// <summary>Sessions held (live or closed) per China year, from the first year with a session to this one.</summary>
    public async Task<IReadOnlyList<HeldYear>> HeldPerYearAsync(TimeProvider clock, CancellationToken ct)
    {
        var starts = await db.Sessions.Where(s => s.Status == SessionStatus.Live || s.Status == SessionStatus.Closed)
            .Select(s => s.StartsAt).ToListAsync(ct);
        var thisYear = BusinessCalendar.Today(clock).Year;
        var years = starts.Select(s => BusinessCalendar.ChinaDate(s).Year).ToList();
        var first = years.Count == 0 ? thisYear : Math.Min(years.Min(), thisYear);
        return Enumerable.Range(first, thisYear - first + 1).Select(y => new HeldYear(y, years.Count(x => x == y), YearlyTarget)).ToList();
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Quoted, and a leading = + - @ defused, so a spreadsheet never runs a title as a formula.</summary>
    private static string Cell(string text)
    {
        var safe = text.Length > 0 && "=+-@".Contains(text[0]) ? "'" + text : text;
        return $"\"{safe.Replace("\"", "\"\"")}\"";
    }
}
