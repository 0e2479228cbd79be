namespace Marketplace.Domain.Pledges;

/// <summary>What one application adds to the park's pledge-financing figures in one year.</summary>
public readonly record struct YearFigures(int Year, decimal Disbursed, decimal ApprovedNotDisbursed);

/// <summary>
/// Disbursed tranches count in the year they were paid; the approved amount not yet drawn counts apart, in the
/// year of approval, while the loan can still be drawn (approved, registered, disbursed). Kept totals are moved by
/// <see cref="Change"/> (after minus before) in the same transaction as the application's own change.
/// </summary>
public static class PledgeFigures
{
    private static readonly PledgeStatus[] Drawable = [PledgeStatus.Approved, PledgeStatus.PledgeRegistered, PledgeStatus.Disbursed];

    public static IReadOnlyList<YearFigures> Of(PledgeApplication application)
    {
        var figures = application.Disbursements.GroupBy(d => d.On.Year)
            .Select(g => new YearFigures(g.Key, g.Sum(d => d.Amount), 0m)).ToList();
        if (Drawable.Contains(application.Status) && application is { ApprovedOn: { } on, ApprovedAmount: { } approved })
            figures.Add(new YearFigures(on.Year, 0m, approved - application.DisbursedAmount));
        return figures;
    }

    public static IReadOnlyList<YearFigures> Change(IReadOnlyList<YearFigures> before, IReadOnlyList<YearFigures> after) =>
        after.Select(f => f)
            .Concat(before.Select(f => new YearFigures(f.Year, -f.Disbursed, -f.ApprovedNotDisbursed)))
            .GroupBy(f => f.Year)
            .Select(g => new YearFigures(g.Key, g.Sum(f => f.Disbursed), g.Sum(f => f.ApprovedNotDisbursed)))
            .Where(f => f.Disbursed != 0 || f.ApprovedNotDisbursed != 0)
            .OrderBy(f => f.Year)
            .ToList();
}
