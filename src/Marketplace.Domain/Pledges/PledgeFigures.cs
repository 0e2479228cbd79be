using Marketplace.Domain.Evidence;
using Marketplace.Domain.Targets;

namespace Marketplace.Domain.Pledges;

/// <summary>What one application (or imported registration) adds to the park's pledge-financing figures in one month,
/// from one source and under one evidence state (the dashboard breaks the figures down by each, so the kept totals are
/// kept at that grain).</summary>
public readonly record struct MonthFigures(int Year, int Month, RecordSource Source, EvidenceState Evidence, decimal Disbursed, decimal ApprovedNotDisbursed);

/// <summary>
/// Disbursed tranches count in the month they were paid, each under its own evidence; the approved amount not yet
/// drawn counts apart, in the month of approval, while the loan can still be drawn (approved, registered, disbursed),
/// as declared (nothing has moved to document yet). Kept totals are moved by <see cref="Change"/> (after minus
/// before) in the same transaction as the application's own change.
/// </summary>
public static class PledgeFigures
{
    private static readonly PledgeStatus[] Drawable = [PledgeStatus.Approved, PledgeStatus.PledgeRegistered, PledgeStatus.Disbursed];

    public static IReadOnlyList<MonthFigures> Of(PledgeApplication application)
    {
        var figures = Tranches(application.Disbursements.Select(d => (d.On, d.Evidence.State, d.Amount)), RecordSource.Platform).ToList();
        if (Drawable.Contains(application.Status) && application is { ApprovedOn: { } on, ApprovedAmount: { } approved })
            figures.Add(new MonthFigures(on.Year, on.Month, RecordSource.Platform, EvidenceState.Declared, 0m, approved - application.DisbursedAmount));
        return figures;
    }

    /// <summary>Tranches summed per month and evidence state.</summary>
    public static IEnumerable<MonthFigures> Tranches(IEnumerable<(DateOnly On, EvidenceState Evidence, decimal Amount)> tranches, RecordSource source) =>
        tranches.GroupBy(d => (d.On.Year, d.On.Month, d.Evidence))
            .Select(g => new MonthFigures(g.Key.Year, g.Key.Month, source, g.Key.Evidence, g.Sum(d => d.Amount), 0m));

    public static IReadOnlyList<MonthFigures> Change(IReadOnlyList<MonthFigures> before, IReadOnlyList<MonthFigures> after) =>
        after.Select(f => f)
            .Concat(before.Select(f => f with { Disbursed = -f.Disbursed, ApprovedNotDisbursed = -f.ApprovedNotDisbursed }))
            .GroupBy(f => (f.Year, f.Month, f.Source, f.Evidence))
            .Select(g => new MonthFigures(g.Key.Year, g.Key.Month, g.Key.Source, g.Key.Evidence, g.Sum(f => f.Disbursed), g.Sum(f => f.ApprovedNotDisbursed)))
            .Where(f => f.Disbursed != 0 || f.ApprovedNotDisbursed != 0)
            .OrderBy(f => f.Year).ThenBy(f => f.Month).ThenBy(f => f.Source).ThenBy(f => f.Evidence)
            .ToList();
}
