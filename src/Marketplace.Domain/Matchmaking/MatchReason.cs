namespace Marketplace.Domain.Matchmaking;

public enum MatchFactor { Text, Ipc, Budget, Mode, Term, Sleeping }

/// <summary>What was found for one factor; the web layer turns each kind into a sentence in the reader's language.</summary>
public enum MatchReasonKind
{
    TextStrong, TextPartial, TextWeak,
    SameSubclass, SameClass, SameSection, DifferentField, NoFieldGiven,
    WithinBudget, SlightlyOverBudget, OverBudget, PriceNegotiable, NoBudgetGiven,
    ModeOffered, ModeNotOffered,
    LongTerm, MediumTerm, ShortTerm,
    SleepingPatent, PatentInUse,
}

/// <param name="Evidence">The fact behind it, shown with the sentence: the share of the need's key terms, the shared
/// IPC code, the price, the modes, the years left.</param>
/// <param name="Terms">For the text: the need's key terms the listing holds, most significant first.</param>
public sealed record MatchReason(MatchFactor Factor, MatchReasonKind Kind, int Points, int MaxPoints, string? Evidence, IReadOnlyList<string>? Terms = null);

/// <param name="Relevance">Topical relevance, 0–1: the text's coverage of the need and, when the need names IPC codes, the field.</param>
/// <param name="Reasons">The factors that drove the score, their points adding up to it.</param>
public sealed record MatchResult(int Score, double Relevance, IReadOnlyList<MatchReason> Reasons)
{
    /// <summary>Whether the listing is about the need's subject at all; price, mode and term cannot make a match of a
    /// listing about something else.</summary>
    public bool IsTopical => Relevance >= MatchScorer.Floor;
}

/// <summary>The need's side of a match.</summary>
public sealed record NeedProfile(IReadOnlyList<string> IpcCodes, decimal? BudgetMin, decimal? BudgetMax, IReadOnlyList<TradeMode> PreferredModes)
{
    public static NeedProfile Of(NeedDetails d) => new(d.IpcCodes ?? [], d.BudgetMin, d.BudgetMax, d.PreferredModes ?? []);
}

/// <summary>The listing's side: what the search document holds about it.</summary>
/// <param name="Price">The lowest amount asked in any mode, CNY; null when everything is negotiable.</param>
public sealed record ListingProfile(IReadOnlyList<string> IpcCodes, IReadOnlyList<TradeMode> Modes, decimal? Price, int RemainingMonths, bool Sleeping);
