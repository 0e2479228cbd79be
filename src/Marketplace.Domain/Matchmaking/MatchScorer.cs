using System.Globalization;

namespace Marketplace.Domain.Matchmaking;

/// <summary>
/// Scores how well a listing fits a need, 0–100, and says why. Topical relevance — how strongly the listing's text
/// matches the need's (<see cref="TextRelevance"/>), and its IPC field when the need names one — makes <see cref="TopicalShare"/> of the score;
/// the practical fit (budget, mode, remaining term, sleeping) the rest. So fit can move a listing within its band of
/// relevance but never lift a weak one (relevance below <see cref="Partial"/>) above a strong one (at least
/// <see cref="Strong"/>); listings below <see cref="Floor"/> are not matches at all.
/// </summary>
public static class MatchScorer
{
    /// <summary>0.9 (was 0.8): with 20 points of fit, budget, mode and term reordered the engine's best candidates
    /// enough to cost matching precision (docs/benchmarks.md, Relevance; ADR 0017).</summary>
    public const double TopicalShare = 0.9;

    /// <summary>Relevance bands: strong, partial, weak.</summary>
    public const double Strong = 0.6, Partial = 0.3;

    /// <summary>Below this relevance a listing is about something else, whatever its price.</summary>
    public const double Floor = 0.15;

    /// <summary>A price up to this factor above the budget still earns half the budget points: the budget is where a negotiation starts.</summary>
    public const decimal NearBudget = 1.25m;

    public static MatchResult Score(NeedProfile need, ListingProfile listing, TopicEvidence text, MatchWeights weights)
    {
        var textShare = Math.Clamp(text.Strength, 0, 1);
        var field = need.IpcCodes.Count > 0 ? FieldShare(need.IpcCodes, listing.IpcCodes) : default((double, MatchReasonKind, string?)?);
        var topical = 100 * TopicalShare;
        var (textMax, fieldMax) = field is null ? (topical, 0.0) : (topical * weights.Text / weights.Topical, topical * weights.Ipc / weights.Topical);
        var relevance = field is null ? textShare : (textShare * textMax + field.Value.Item1 * fieldMax) / topical;

        var fit = 100 * (1 - TopicalShare) / weights.Fit;
        var raw = new List<Raw>
        {
            Text(textShare, text, textMax),
            Budget(need, listing.Price, weights.Budget * fit),
            Mode(need.PreferredModes, listing.Modes, weights.Mode * fit),
            Term(listing.RemainingMonths, weights.Term * fit),
            Sleeping(listing.Sleeping, weights.Sleeping * fit),
        };
        if (field is { } f) raw.Insert(1, Reason(MatchFactor.Ipc, f.Item2, f.Item1, fieldMax, f.Item3));
        var (points, maxPoints) = (Apportion(raw.Select(r => r.Points)), Apportion(raw.Select(r => r.Max)));
        var reasons = raw.Select((r, i) => r.Reason with { Points = points[i], MaxPoints = maxPoints[i] });
        // The reasons shown are the ones that drove the score: the topic always, the rest where they earned points.
        var drivers = reasons.Where(r => r.Factor is MatchFactor.Text or MatchFactor.Ipc || r.Points > 0).ToList();
        return new MatchResult(Math.Clamp(drivers.Sum(r => r.Points), 0, 100), relevance, drivers);
    }

    /// <summary>A reason before rounding: its points and maximum as fractions of the 100.</summary>
    private sealed record Raw(MatchReason Reason, double Points, double Max);

    /// <summary>
    /// Whole points that add up to the rounded total (largest remainder): rounding each reason alone made a listing
    /// that fits on every factor score 99 when the fit's 10 points split 3.3 / 3.3 / 2.2 / 1.1, and the reasons shown
    /// must add up to the score.
    /// </summary>
    private static int[] Apportion(IEnumerable<double> values)
    {
        var list = values.ToList();
        var points = list.Select(v => (int)Math.Floor(v)).ToArray();
        var left = (int)Math.Round(list.Sum(), MidpointRounding.AwayFromZero) - points.Sum();
        foreach (var i in list.Select((v, i) => (Fraction: v - Math.Floor(v), Index: i)).OrderByDescending(x => x.Fraction).ThenBy(x => x.Index).Take(left).Select(x => x.Index))
            points[i]++;
        return points;
    }

    private static Raw Text(double share, TopicEvidence text, double max)
    {
        var kind = share switch { >= Strong => MatchReasonKind.TextStrong, >= Partial => MatchReasonKind.TextPartial, _ => MatchReasonKind.TextWeak };
        var strength = $"{Math.Round(share * 100).ToString(CultureInfo.InvariantCulture)}%";
        var reason = Reason(MatchFactor.Text, kind, share, max, strength);
        return reason with { Reason = reason.Reason with { Terms = [.. text.SharedTerms.Take(6)] } };
    }

    /// <summary>The closest pair of codes decides: the same subclass (A61B) is a near match, the same section (A) a loose one.</summary>
    private static (double Share, MatchReasonKind Kind, string? Code) FieldShare(IReadOnlyList<string> wanted, IReadOnlyList<string> offered)
    {
        (double Share, MatchReasonKind Kind, string? Code) best = (0, MatchReasonKind.DifferentField, null);
        foreach (var w in wanted)
        foreach (var o in offered)
        {
            (double, MatchReasonKind, string?) pair =
                Shares(w, o, 4) ? (1.0, MatchReasonKind.SameSubclass, o[..4]) :
                Shares(w, o, 3) ? (0.6, MatchReasonKind.SameClass, o[..3]) :
                Shares(w, o, 1) ? (0.3, MatchReasonKind.SameSection, o[..1]) : (0, MatchReasonKind.DifferentField, null);
            if (pair.Item1 > best.Share) best = pair;
        }
        return best;
    }

    private static bool Shares(string a, string b, int length) =>
        a.Length >= length && b.Length >= length && string.CompareOrdinal(a, 0, b, 0, length) == 0;

    private static Raw Budget(NeedProfile need, decimal? price, double max)
    {
        if (price is not { } asked) return Reason(MatchFactor.Budget, MatchReasonKind.PriceNegotiable, 0.5, max, null);
        var evidence = asked.ToString("#,0.##", CultureInfo.InvariantCulture);
        if (need.BudgetMax is not { } ceiling) return Reason(MatchFactor.Budget, MatchReasonKind.NoBudgetGiven, 0.5, max, evidence);
        if (asked <= ceiling) return Reason(MatchFactor.Budget, MatchReasonKind.WithinBudget, 1, max, evidence);
        return asked <= ceiling * NearBudget
            ? Reason(MatchFactor.Budget, MatchReasonKind.SlightlyOverBudget, 0.5, max, evidence)
            : Reason(MatchFactor.Budget, MatchReasonKind.OverBudget, 0, max, evidence);
    }

    private static Raw Mode(IReadOnlyList<TradeMode> wanted, IReadOnlyList<TradeMode> offered, double max)
    {
        var shared = wanted.Intersect(offered).ToList();
        return shared.Count > 0
            ? Reason(MatchFactor.Mode, MatchReasonKind.ModeOffered, 1, max, string.Join(",", shared))
            : Reason(MatchFactor.Mode, MatchReasonKind.ModeNotOffered, 0, max, string.Join(",", offered));
    }

    /// <summary>A buyer needs years of protection left to earn back what it pays.</summary>
    private static Raw Term(int months, double max)
    {
        var years = (months / 12.0).ToString("0.#", CultureInfo.InvariantCulture);
        return months switch
        {
            >= 120 => Reason(MatchFactor.Term, MatchReasonKind.LongTerm, 1, max, years),
            >= 60 => Reason(MatchFactor.Term, MatchReasonKind.MediumTerm, 0.7, max, years),
            _ => Reason(MatchFactor.Term, MatchReasonKind.ShortTerm, months >= 36 ? 0.4 : 0.1, max, years),
        };
    }

    /// <summary>The park's plan is to put sleeping patents to work, so they get a bonus.</summary>
    private static Raw Sleeping(bool sleeping, double max) =>
        Reason(MatchFactor.Sleeping, sleeping ? MatchReasonKind.SleepingPatent : MatchReasonKind.PatentInUse, sleeping ? 1 : 0, max, null);

    private static Raw Reason(MatchFactor factor, MatchReasonKind kind, double share, double max, string? evidence) =>
        new(new MatchReason(factor, kind, 0, 0, evidence), share * max, max);
}
