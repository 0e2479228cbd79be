using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Domain.Evidence;
using Marketplace.Domain.Sessions;
using Marketplace.Domain.Targets;
using Marketplace.Web.Data;
using Marketplace.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Targets;

/// <summary>
/// Reads the kept totals of the scope's months (at most a few hundred rows per year), never the deals or loans
/// themselves, and folds them into the headline figures, the breakdowns, the evidence behind each figure and the
/// progress against the plans that apply. Every page that shows a park figure reads it here.
/// </summary>
public sealed class TargetsReader(MarketplaceDb db, TargetScopes scopes, TargetGroups groups, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public const string SessionsKind = "targets.sessions";

    /// <param name="detail">Whether to break pledge financing down by bank: the park office sees it, the public and the
    /// banks (each bank's volume is its own business) do not.</param>
    public async Task<TargetsResponse> ReadAsync(int? year, bool detail, CancellationToken ct, Guid? plan = null)
    {
        var (scope, applying) = await scopes.ResolveAsync(year, plan, ct);
        var (from, to) = (scope.From.Year * 100 + scope.From.Month, scope.To.Year * 100 + scope.To.Month);
        var cells = await db.Database.SqlQuery<DealCell>($"""
            SELECT GROUPING(year, month, category, owner, industry, source, evidence) AS "Set", year AS "Year", month AS "Month",
                   category AS "Category", owner AS "Owner", industry AS "Industry", source AS "Source", evidence AS "Evidence",
                   sum(contracted) AS "Contracted", sum(received) AS "Received", sum(deals)::int AS "Deals"
            FROM deal_totals WHERE year * 100 + month BETWEEN {from} AND {to}
            GROUP BY GROUPING SETS ((year, category), (owner), (industry), (year, month), (source), (evidence))
            """).ToListAsync(ct);
        var pledgeRows = await db.PledgeTotals.AsNoTracking().Where(r => r.Year * 100 + r.Month >= from && r.Year * 100 + r.Month <= to).ToListAsync(ct);
        var bankIds = pledgeRows.Select(r => r.BankOrganizationId).Distinct().ToList();
        var banks = detail
            ? await db.Organizations.AsNoTracking().Where(b => bankIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => Chinese ? b.NameZh : b.NameEn ?? b.NameZh, ct)
            : [];
        // Sessions are a few dozen rows a year, counted on each read rather than kept.
        var held = (await db.Sessions.AsNoTracking().Where(x => x.Status == SessionStatus.Live || x.Status == SessionStatus.Closed)
                .Select(x => new { x.StartsAt, x.Evidence.State }).ToListAsync(ct))
            .Select(s => (Date: BusinessCalendar.ChinaDate(s.StartsAt), s.State)).Where(s => s.Date >= scope.From && s.Date <= scope.To).ToList();

        var byYear = Set(cells, YearCategory);
        var contracted = byYear.Sum(c => c.Contracted);
        var received = byYear.Sum(c => c.Received);
        var deals = new DealFigures(Target(applying, scope, p => p.Targets.Deals), contracted, received, byYear.Sum(c => c.Deals),
            byYear.GroupBy(c => c.Year!.Value).OrderBy(g => g.Key).Select(g => new YearDealFigures(g.Key, g.Sum(c => c.Contracted), g.Sum(c => c.Received),
                g.Sum(c => c.Deals), g.GroupBy(c => Enum.Parse<Domain.Deals.DealCategory>(c.Category!)).OrderBy(k => k.Key)
                    .Select(k => new CategoryFigures(k.Key, k.Sum(c => c.Contracted), k.Sum(c => c.Received), k.Sum(c => c.Deals))).ToList())).ToList(),
            Slices(byYear, c => c.Category!, t.Display<Domain.Deals.DealCategory>),
            Slices(Set(cells, Owner), c => c.Owner!, GroupName),
            Slices(Set(cells, Industry), c => c.Industry!, GroupName),
            Slices(Set(cells, YearMonth), c => $"{c.Year:D4}-{c.Month:D2}", k => k),
            Slices(Set(cells, Source), c => c.Source!, t.Display<RecordSource>));
        var pledges = new PledgeFinancingFigures(Target(applying, scope, p => p.Targets.PledgeFinancing), pledgeRows.Sum(r => r.Disbursed),
            pledgeRows.Sum(r => r.ApprovedNotDisbursed),
            pledgeRows.GroupBy(r => r.Year).OrderBy(y => y.Key).Select(y => new YearPledgeFigures(y.Key, y.Sum(r => r.Disbursed), y.Sum(r => r.ApprovedNotDisbursed))).ToList(),
            detail ? PledgeSlices(pledgeRows, r => r.BankOrganizationId.ToString(), k => banks.GetValueOrDefault(Guid.Parse(k), k)) : [],
            PledgeSlices(pledgeRows, r => $"{r.Year:D4}-{r.Month:D2}", k => k),
            PledgeSlices(pledgeRows, r => r.Source.ToString(), t.Display<RecordSource>));
        var sessionsTarget = scope.HasTargets ? applying.Sum(p => scope.Year is { } y ? p.SessionsTarget(y) : p.SessionsTarget()) : (decimal?)null;
        var sessions = new SessionFigures(applying.Count == 1 ? applying[0].Targets.SessionsPerYear : null, sessionsTarget, held.Count,
            held.GroupBy(s => s.Date.Year).OrderBy(g => g.Key).Select(g => new YearSessions(g.Key, g.Count())).ToList());

        var evidence = Set(cells, EvidenceSet);
        decimal In(EvidenceState state, Func<DealCell, decimal> value) => evidence.Where(c => c.Evidence == state.ToString()).Sum(value);
        decimal Loans(EvidenceState state) => pledgeRows.Where(r => r.Evidence == state).Sum(r => r.Disbursed);
        int Held(EvidenceState state) => held.Count(s => s.State == state);
        IReadOnlyList<EvidenceFigures> split =
        [
            new("contracted", In(EvidenceState.Declared, c => c.Contracted), In(EvidenceState.Documented, c => c.Contracted), In(EvidenceState.Verified, c => c.Contracted)),
            new("received", In(EvidenceState.Declared, c => c.Received), In(EvidenceState.Documented, c => c.Received), In(EvidenceState.Verified, c => c.Received)),
            new("disbursed", Loans(EvidenceState.Declared), Loans(EvidenceState.Documented), Loans(EvidenceState.Verified)),
            new("sessions", Held(EvidenceState.Declared), Held(EvidenceState.Documented), Held(EvidenceState.Verified)),
        ];
        var progress = new List<Progress>();
        if (scope.HasTargets)
        {
            var (elapsed, over) = Elapsed(scope, applying);
            progress.Add(Measure("contracted", contracted, deals.Target!.Value, elapsed, over));
            progress.Add(Measure("received", received, deals.Target.Value, elapsed, over));
            progress.Add(Measure("disbursed", pledges.Disbursed, pledges.Target!.Value, elapsed, over));
            progress.Add(Measure("sessions", held.Count, sessionsTarget!.Value, elapsed, over));
        }
        return new TargetsResponse(scope, deals, pledges, sessions, progress, split);
    }

    // GROUPING(year, month, category, owner, industry, source, evidence): a bit is set for each column summed away.
    private const int YearCategory = 0b0101111, Owner = 0b1110111, Industry = 0b1111011, YearMonth = 0b0011111, Source = 0b1111101, EvidenceSet = 0b1111110;

    private sealed record DealCell(int Set, int? Year, int? Month, string? Category, string? Owner, string? Industry, string? Source, string? Evidence,
        decimal Contracted, decimal Received, int Deals);

    private static List<DealCell> Set(List<DealCell> cells, int set) => cells.Where(c => c.Set == set).ToList();

    private string GroupName(string key) => groups.NameOf(key, t);

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    /// <summary>A yuan target over the scope: each applying plan's whole target, or its share of the year.</summary>
    private static decimal? Target(IReadOnlyList<TargetPlan> applying, TargetScope scope, Func<TargetPlan, decimal> target) =>
        applying.Count == 0 ? null : applying.Sum(p => scope.Year is { } y ? p.ShareOf(target(p), y) : target(p));

    public static Progress Measure(string key, decimal value, decimal target, decimal elapsed, bool over)
    {
        var expected = decimal.Round(target * elapsed, 2);
        return new Progress(key, value, target, target <= 0 ? 0 : decimal.Round(value * 100 / target, 1), Math.Max(0, target - value), expected,
            value >= expected, over ? value >= target : null);
    }

    /// <summary>The share of the targets' time gone by today (China time) — 0 before it starts, 1 once it is over — and
    /// whether it is over. A year counts only its months inside the plans.</summary>
    private (decimal Elapsed, bool Over) Elapsed(TargetScope scope, IReadOnlyList<TargetPlan> applying)
    {
        var today = BusinessCalendar.Today(clock);
        var start = Max(scope.From, applying.Min(p => p.From)).DayNumber;
        var end = Min(scope.To, applying.Max(p => p.To)).DayNumber + 1;
        return (Math.Clamp((decimal)(today.DayNumber + 1 - start) / (end - start), 0m, 1m), today.DayNumber >= end);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<Slice> Slices(IEnumerable<DealCell> rows, Func<DealCell, string> key, Func<string, string> name) =>
        rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Slice(g.Key, name(g.Key), g.Sum(r => r.Contracted), g.Sum(r => r.Received), g.Sum(r => r.Deals)))
            .Where(s => s.Count != 0 || s.Amount != 0 || s.Second != 0).ToList();

    private static List<Slice> PledgeSlices(IEnumerable<PledgeTotal> rows, Func<PledgeTotal, string> key, Func<string, string> name) =>
        rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Slice(g.Key, name(g.Key), g.Sum(r => r.Disbursed), g.Sum(r => r.ApprovedNotDisbursed), 0))
            .Where(s => s.Amount != 0 || s.Second != 0).ToList();
}
