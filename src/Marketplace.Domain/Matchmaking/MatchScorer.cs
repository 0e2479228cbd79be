using System.Globalization;

namespace Marketplace.Domain.Matchmaking;

/// <summary>
/// Scores how well a listing fits a need, 0–100, with one reason per factor so the score can be explained.
/// Text relevance comes from the search engine (0–1, relative to the best hit for the need); everything else is
/// decided here from the two profiles.
/// </summary>
public static class MatchScorer
{
    /// <summary>A price up to this factor above the budget still earns half the budget points: the budget is where a negotiation starts.</summary>
    public const decimal NearBudget = 1.25m;

    /// <summary>Below this text relevance, and with no shared IPC section, a listing is not about the need's subject.</summary>
    public const double MinTopicalRelevance = 0.15;

    public static MatchResult Score(NeedProfile need, ListingProfile listing, double textRelevance, MatchWeights weights)
    {
        var scale = 100 / weights.Total;
        var reasons = new List<MatchReason>
        {
            Text(Math.Clamp(textRelevance, 0, 1), weights.Text * scale),
            Ipc(need.IpcCodes, listing.IpcCodes, weights.Ipc * scale),
            Budget(need, listing.Price, weights.Budget * scale),
            Mode(need.PreferredModes, listing.Modes, weights.Mode * scale),
            Term(listing.RemainingMonths, weights.Term * scale),
            Sleeping(listing.Sleeping, weights.Sleeping * scale),
        };
        var topical = textRelevance >= MinTopicalRelevance || reasons[1].Kind is MatchReasonKind.SameSubclass or MatchReasonKind.SameClass or MatchReasonKind.SameSection;
        return new MatchResult(Math.Clamp(reasons.Sum(r => r.Points), 0, 100), reasons, topical);
    }

    private static MatchReason Text(double relevance, double max)
    {
        var kind = relevance switch { >= 0.66 => MatchReasonKind.TextStrong, >= 0.33 => MatchReasonKind.TextPartial, _ => MatchReasonKind.TextWeak };
        return Reason(MatchFactor.Text, kind, relevance, max, $"{Math.Round(relevance * 100).ToString(CultureInfo.InvariantCulture)}%");
    }

    /// <summary>The closest pair of codes decides: the same subclass (A61B) is a near match, the same section (A) a loose one.</summary>
    private static MatchReason Ipc(IReadOnlyList<string> wanted, IReadOnlyList<string> offered, double max)
    {
        if (wanted.Count == 0) return Reason(MatchFactor.Ipc, MatchReasonKind.NoFieldGiven, 0, max, null);
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
        return Reason(MatchFactor.Ipc, best.Kind, best.Share, max, best.Code);
    }

    private static bool Shares(string a, string b, int length) =>
        a.Length >= length && b.Length >= length && string.CompareOrdinal(a, 0, b, 0, length) == 0;

    private static MatchReason Budget(NeedProfile need, decimal? price, double max)
    {
        if (price is not { } asked) return Reason(MatchFactor.Budget, MatchReasonKind.PriceNegotiable, 0.5, max, null);
        var evidence = asked.ToString("#,0.##", CultureInfo.InvariantCulture);
        if (need.BudgetMax is not { } ceiling) return Reason(MatchFactor.Budget, MatchReasonKind.NoBudgetGiven, 0.5, max, evidence);
        if (asked <= ceiling) return Reason(MatchFactor.Budget, MatchReasonKind.WithinBudget, 1, max, evidence);
        return asked <= ceiling * NearBudget
            ? Reason(MatchFactor.Budget, MatchReasonKind.SlightlyOverBudget, 0.5, max, evidence)
            : Reason(MatchFactor.Budget, MatchReasonKind.OverBudget, 0, max, evidence);
    }

    private static MatchReason Mode(IReadOnlyList<TradeMode> wanted, IReadOnlyList<TradeMode> offered, double max)
    {
        var shared = wanted.Intersect(offered).ToList();
        return shared.Count > 0
            ? Reason(MatchFactor.Mode, MatchReasonKind.ModeOffered, 1, max, string.Join(",", shared))
            : Reason(MatchFactor.Mode, MatchReasonKind.ModeNotOffered, 0, max, string.Join(",", offered));
    }

    /// <summary>A buyer needs years of protection left to earn back what it pays.</summary>
    private static MatchReason Term(int months, double max)
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
    private static MatchReason Sleeping(bool sleeping, double max) =>
        Reason(MatchFactor.Sleeping, sleeping ? MatchReasonKind.SleepingPatent : MatchReasonKind.PatentInUse, sleeping ? 1 : 0, max, null);

    private static MatchReason Reason(MatchFactor factor, MatchReasonKind kind, double share, double max, string? evidence) =>
        new(factor, kind, (int)Math.Round(share * max, MidpointRounding.AwayFromZero), (int)Math.Round(max, MidpointRounding.AwayFromZero), evidence);
}
