using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Domain.Matchmaking;

/// <summary>What an enterprise asks for. Validated as a whole; refusals name the JSON field.</summary>
public sealed record NeedDetails(
    string Title,
    string Description,
    string? DescriptionEn,
    IReadOnlyList<string>? IpcCodes,
    IReadOnlyList<string>? Keywords,
    decimal? BudgetMin,
    decimal? BudgetMax,
    IReadOnlyList<TradeMode>? PreferredModes,
    DateOnly Deadline,
    NeedVisibility Visibility)
{
    public const int MaxKeywords = 10, MaxIpcCodes = 10;

    /// <summary>A need is a request for technology, not a standing order; two years is the longest horizon.</summary>
    public const int MaxDeadlineDays = 730;

    public NeedDetails Validated(DateOnly today)
    {
        var title = TextRules.Required(Title, "title", "Title", 200);
        var description = TextRules.Required(Description, "description", "Description", 4000, multiline: true);
        var english = TextRules.Optional(DescriptionEn, "descriptionEn", "English description", 4000, multiline: true);

        var ipc = (IpcCodes ?? []).Select((c, i) => IpcCode.Parse(c, $"ipcCodes[{i}]").Value).Distinct().ToList();
        if (ipc.Count > MaxIpcCodes) throw new DomainRuleException("ipcCodes", new Text("Give at most {0} IPC codes.", MaxIpcCodes));

        var keywords = (Keywords ?? []).Select((k, i) => TextRules.Required(k, $"keywords[{i}]", "Keyword", 40))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (keywords.Count > MaxKeywords) throw new DomainRuleException("keywords", new Text("Give at most {0} keywords.", MaxKeywords));

        var min = Money.CnyOrNull(BudgetMin, "budgetMin");
        var max = Money.CnyOrNull(BudgetMax, "budgetMax");
        if (min is { } low && max is { } high && low > high)
            throw new DomainRuleException("budgetMin", "The lowest budget is above the highest budget.");

        var modes = (PreferredModes ?? []).Distinct().ToList();
        if (modes.Any(m => !Enum.IsDefined(m)))
            throw new DomainRuleException("preferredModes", "The modes are Licence, OpenLicence, Equity and Transfer.");
        if (modes.Count == 0)
            throw new DomainRuleException("preferredModes", "Choose at least one way to acquire the technology.");

        if (Deadline <= today)
            throw new DomainRuleException("deadline", "The deadline must be after today.");
        if (Deadline > today.AddDays(MaxDeadlineDays))
            throw new DomainRuleException("deadline", new Text("The deadline may be at most {0} days away.", MaxDeadlineDays));
        if (!Enum.IsDefined(Visibility))
            throw new DomainRuleException("visibility", "The visibility is Public or ParkOfficeOnly.");

        return new NeedDetails(title, description, english, ipc, keywords, min, max, modes, Deadline, Visibility);
    }

    /// <summary>The words the search engine matches listings against: title, keywords, then description.</summary>
    public string SearchText => string.Join(' ', new[] { Title }.Concat(Keywords ?? []).Append(Description).Append(DescriptionEn ?? ""));
}
