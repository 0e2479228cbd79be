using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Domain.Sessions;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// Reads the kept totals (at most a few hundred rows per year), never the deals or loans themselves, and folds them
/// into the headline figures, the breakdowns and the progress against the plan.
/// </summary>
public sealed class TargetsReader(MarketplaceDb db, IOptions<TargetOptions> options, TargetGroups groups, TimeProvider clock,
    IStringLocalizer<SharedResource> t)
{
    public const string SessionsKind = "targets.sessions";

    public TargetOptions Options => options.Value;

    /// <param name="detail">Whether to break pledge financing down by bank: the park office sees it, the public and the
    /// banks (each bank's volume is its own business) do not.</param>
    public async Task<TargetsResponse> ReadAsync(int? year, bool detail, CancellationToken ct)
    {
        var o = options.Value;
        var cells = await DealCellsAsync(year, ct);
        List<DealTotal> Set(int set) => cells.Where(c => c.Set == set).Select(c => new DealTotal
        {
            Year = c.Year ?? 0, Month = c.Month ?? 0, Category = c.Category is { } k ? Enum.Parse<Domain.Deals.DealCategory>(k) : default,
            Owner = c.Owner ?? "", Industry = c.Industry ?? "", Contracted = c.Contracted, Received = c.Received, Deals = c.Deals,
        }).ToList();
        var dealRows = Set(YearCategory);
        var pledgeRows = await db.PledgeTotals.AsNoTracking().Where(r => year == null || r.Year == year).ToListAsync(ct);
        var bankIds = pledgeRows.Select(r => r.BankOrganizationId).Distinct().ToList();
        var banks = await db.Organizations.AsNoTracking().Where(b => bankIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => Chinese ? b.NameZh : b.NameEn ?? b.NameZh, ct);

        // One year's target is an even share of the plan's; yuan amounts are kept to the fen.
        decimal Share(decimal target) => year is null ? target : decimal.Round(target / o.PlanYears, 2);
        var dealYears = dealRows.GroupBy(r => r.Year).OrderBy(y => y.Key).Select(y => new YearDealFigures(y.Key, y.Sum(r => r.Contracted), y.Sum(r => r.Received),
            y.Sum(r => r.Deals), y.GroupBy(r => r.Category).OrderBy(c => c.Key)
                .Select(c => new CategoryFigures(c.Key, c.Sum(r => r.Contracted), c.Sum(r => r.Received), c.Sum(r => r.Deals))).ToList())).ToList();
        var deals = new DealFigures(Share(o.Deals), dealRows.Sum(r => r.Contracted), dealRows.Sum(r => r.Received), dealRows.Sum(r => r.Deals), dealYears,
            Slices(dealRows, r => r.Category.ToString(), t.Display<Domain.Deals.DealCategory>),
            Slices(Set(Owner), r => r.Owner, k => groups.NameOf(k, t)),
            Slices(Set(Industry), r => r.Industry, k => groups.NameOf(k, t)),
            Slices(Set(YearMonth), r => $"{r.Year:D4}-{r.Month:D2}", k => k));
        var pledgeYears = pledgeRows.GroupBy(r => r.Year).OrderBy(y => y.Key)
            .Select(y => new YearPledgeFigures(y.Key, y.Sum(r => r.Disbursed), y.Sum(r => r.ApprovedNotDisbursed))).ToList();
        var pledges = new PledgeFinancingFigures(Share(o.PledgeFinancing), pledgeRows.Sum(r => r.Disbursed), pledgeRows.Sum(r => r.ApprovedNotDisbursed), pledgeYears,
            detail ? PledgeSlices(pledgeRows, r => r.BankOrganizationId.ToString(), k => banks.GetValueOrDefault(Guid.Parse(k), k)) : [],
            PledgeSlices(pledgeRows, r => $"{r.Year:D4}-{r.Month:D2}", k => k));

        // Sessions are a few dozen rows a year, counted on each read rather than kept.
        var held = (await db.Sessions.AsNoTracking().Where(x => x.Status == SessionStatus.Live || x.Status == SessionStatus.Closed).Select(x => x.StartsAt).ToListAsync(ct))
            .Select(at => BusinessCalendar.ChinaDate(at).Year).Where(y => year == null || y == year).ToList();
        var sessions = new SessionFigures(o.SessionsPerYear, year is null ? o.SessionsPerYear * o.PlanYears : o.SessionsPerYear, held.Count,
            held.GroupBy(y => y).OrderBy(g => g.Key).Select(g => new YearSessions(g.Key, g.Count())).ToList());

        // Progress counts only the plan's years: a figure from before or after the plan is on record but not on the plan.
        var (from, to) = year is { } y1 ? (y1, y1) : (o.PlanFrom, o.PlanTo);
        bool InPlan(int y) => y >= from && y <= to;
        var elapsed = Elapsed(from, to);
        var progress = new List<Progress>
        {
            Measure("contracted", dealRows.Where(r => InPlan(r.Year)).Sum(r => r.Contracted), deals.Target, elapsed),
            Measure("received", dealRows.Where(r => InPlan(r.Year)).Sum(r => r.Received), deals.Target, elapsed),
            Measure("disbursed", pledgeRows.Where(r => InPlan(r.Year)).Sum(r => r.Disbursed), pledges.Target, elapsed),
            Measure("sessions", held.Count(InPlan), sessions.Target, elapsed),
        };
        return new TargetsResponse(new TargetScope(year, o.PlanFrom, o.PlanTo), deals, pledges, sessions, progress);
    }

    // GROUPING(year, month, category, owner, industry) of each grouping set: a bit is set for each column summed away.
    private const int YearCategory = 0b01011, Owner = 0b11101, Industry = 0b11110, YearMonth = 0b00111;

    private sealed record DealCell(int Set, int? Year, int? Month, string? Category, string? Owner, string? Industry, decimal Contracted, decimal Received, int Deals);

    /// <summary>Every breakdown in one grouped query: some seventy rows over three years, whatever the number of deals.</summary>
    private Task<List<DealCell>> DealCellsAsync(int? year, CancellationToken ct) => db.Database.SqlQuery<DealCell>($"""
        SELECT GROUPING(year, month, category, owner, industry) AS "Set", year AS "Year", month AS "Month", category AS "Category",
               owner AS "Owner", industry AS "Industry", sum(contracted) AS "Contracted", sum(received) AS "Received", sum(deals)::int AS "Deals"
        FROM deal_totals WHERE {year}::int IS NULL OR year = {year}
        GROUP BY GROUPING SETS ((year, category), (owner), (industry), (year, month))
        """).ToListAsync(ct);

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static Progress Measure(string key, decimal value, decimal target, decimal elapsed)
    {
        var expected = decimal.Round(target * elapsed, 2);
        return new Progress(key, value, target, target <= 0 ? 0 : decimal.Round(value * 100 / target, 1), Math.Max(0, target - value), expected, value >= expected);
    }

    /// <summary>The share of the scope's time gone by today (China time): 0 before it starts, 1 once it is over.</summary>
    private decimal Elapsed(int from, int to)
    {
        var today = BusinessCalendar.Today(clock);
        var start = new DateOnly(from, 1, 1).DayNumber;
        var end = new DateOnly(to, 12, 31).DayNumber + 1;
        return Math.Clamp((decimal)(today.DayNumber + 1 - start) / (end - start), 0m, 1m);
    }

    private static List<Slice> Slices(IEnumerable<DealTotal> rows, Func<DealTotal, string> key, Func<string, string> name) =>
        rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Slice(g.Key, name(g.Key), g.Sum(r => r.Contracted), g.Sum(r => r.Received), g.Sum(r => r.Deals)))
            .Where(s => s.Count != 0 || s.Amount != 0).ToList();

    private static List<Slice> PledgeSlices(IEnumerable<PledgeTotal> rows, Func<PledgeTotal, string> key, Func<string, string> name) =>
        rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Slice(g.Key, name(g.Key), g.Sum(r => r.Disbursed), g.Sum(r => r.ApprovedNotDisbursed), 0))
            .Where(s => s.Amount != 0 || s.Second != 0).ToList();
}
