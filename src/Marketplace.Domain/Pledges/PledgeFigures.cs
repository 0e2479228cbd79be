namespace Marketplace.Domain.Pledges;

/// <summary>What one application adds to the park's pledge-financing figures in one month (the dashboard breaks the
/// year down by month, so the kept totals are kept at that grain).</summary>
public readonly record struct MonthFigures(int Year, int Month, decimal Disbursed, decimal ApprovedNotDisbursed);

/// <summary>
/// Disbursed tranches count in the month they were paid; the approved amount not yet drawn counts apart, in the
/// month of approval, while the loan can still be drawn (approved, registered, disbursed). Kept totals are moved by
/// <see cref="Change"/> (after minus before) in the same transaction as the application's own change.
/// </summary>
public static class PledgeFigures
{
    private static readonly PledgeStatus[] Drawable = [PledgeStatus.Approved, PledgeStatus.PledgeRegistered, PledgeStatus.Disbursed];

    public static IReadOnlyList<MonthFigures> Of(PledgeApplication application)
    {
        var figures = application.Disbursements.GroupBy(d => (d.On.Year, d.On.Month))
            .Select(g => new MonthFigures(g.Key.Year, g.Key.Month, g.Sum(d => d.Amount), 0m)).ToList();
        if (Drawable.Contains(application.Status) && application is { ApprovedOn: { } on, ApprovedAmount: { } approved })
            figures.Add(new MonthFigures(on.Year, on.Month, 0m, approved - application.DisbursedAmount));
        return figures;
    }

    public static IReadOnlyList<MonthFigures> Change(IReadOnlyList<MonthFigures> before, IReadOnlyList<MonthFigures> after) =>
        after.Select(f => f)
            .Concat(before.Select(f => f with { Disbursed = -f.Disbursed, ApprovedNotDisbursed = -f.ApprovedNotDisbursed }))
            .GroupBy(f => (f.Year, f.Month))
            .Select(g => new MonthFigures(g.Key.Year, g.Key.Month, g.Sum(f => f.Disbursed), g.Sum(f => f.ApprovedNotDisbursed)))
            .Where(f => f.Disbursed != 0 || f.ApprovedNotDisbursed != 0)
            .OrderBy(f => f.Year).ThenBy(f => f.Month)
            .ToList();
}
