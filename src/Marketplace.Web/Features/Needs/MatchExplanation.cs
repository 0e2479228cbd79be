using Marketplace.Domain.Matchmaking;
using Marketplace.Web.Features.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Needs;

/// <summary>Turns each stored reason into a sentence in the reader's language, with its points.</summary>
public sealed class MatchExplanation(IStringLocalizer<SharedResource> t)
{
    public IReadOnlyList<string> Explain(IEnumerable<MatchReason> reasons) =>
        reasons.Select(r => $"{Sentence(r)} (+{r.Points}/{r.MaxPoints})").ToList();

    public string Sentence(MatchReason r) => r.Kind switch
    {
        MatchReasonKind.TextStrong => t["Closely on the need's subject (text relevance {0}); shared key terms: {1}.", r.Evidence ?? "", Terms(r)],
        MatchReasonKind.TextPartial => t["Partly on the need's subject (text relevance {0}); shared key terms: {1}.", r.Evidence ?? "", Terms(r)],
        MatchReasonKind.TextWeak => t["Barely on the need's subject (text relevance {0}); shared key terms: {1}.", r.Evidence ?? "", Terms(r)],
        MatchReasonKind.SameSubclass => t["Same technical field: IPC subclass {0}.", r.Evidence ?? ""],
        MatchReasonKind.SameClass => t["Related field: same IPC class {0}.", r.Evidence ?? ""],
        MatchReasonKind.SameSection => t["Broadly related: same IPC section {0}.", r.Evidence ?? ""],
        MatchReasonKind.DifferentField => t["Different IPC field from the one asked for."],
        MatchReasonKind.NoFieldGiven => t["The need names no IPC field."],
        MatchReasonKind.WithinBudget => t["Asking price {0} CNY is within the budget.", r.Evidence ?? ""],
        MatchReasonKind.SlightlyOverBudget => t["Asking price {0} CNY is a little over the budget.", r.Evidence ?? ""],
        MatchReasonKind.OverBudget => t["Asking price {0} CNY is over the budget.", r.Evidence ?? ""],
        MatchReasonKind.PriceNegotiable => t["The price is open to negotiation."],
        MatchReasonKind.NoBudgetGiven => t["Asking price {0} CNY; the need gives no budget.", r.Evidence ?? ""],
        MatchReasonKind.ModeOffered => t["Offered the way you want it: {0}.", Modes(r.Evidence)],
        MatchReasonKind.ModeNotOffered => t["Not offered the way you want it (offered: {0}).", Modes(r.Evidence)],
        MatchReasonKind.LongTerm => t["{0} years of protection left.", r.Evidence ?? ""],
        MatchReasonKind.MediumTerm => t["{0} years of protection left.", r.Evidence ?? ""],
        MatchReasonKind.ShortTerm => t["Only {0} years of protection left.", r.Evidence ?? ""],
        MatchReasonKind.SleepingPatent => t["A sleeping patent: the park's plan gives putting it to work priority."],
        _ => t["The patent is already in use."],
    };

    /// <summary>Key terms are words of the need's own text, shown as they are.</summary>
    private static string Terms(MatchReason r) => r.Terms is { Count: > 0 } terms ? string.Join("、", terms) : "—";

    private string Modes(string? evidence) =>
        string.Join("、", (evidence ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => t[ModeName(m)].Value));

    public static string ModeName(string mode) => mode switch
    {
        nameof(TradeMode.Licence) => "Licence",
        nameof(TradeMode.OpenLicence) => "Open licence",
        nameof(TradeMode.Equity) => "Equity contribution",
        _ => "Transfer",
    };
}
