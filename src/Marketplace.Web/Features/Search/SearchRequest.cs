using System.Text;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Organizations;
using Marketplace.Domain.Patents;

namespace Marketplace.Web.Features.Search;

/// <summary>
/// The query string of GET /api/search and the search page, checked into a <see cref="SearchQuery"/>. Any text
/// is accepted as words (a pasted description of up to <see cref="MaxTextLength"/> characters too; the engines
/// analyse at most <see cref="Planning.QueryPlanner.MaxChars"/> of them); what cannot be searched (longer text, broken
/// Unicode, unknown filter values, pages past the window) is a 400 naming the parameter.
/// </summary>
public sealed class SearchRequest
{
    public const int MaxTextLength = 2000, MaxPageSize = 100, MaxWindow = 10_000;

    /// <summary>The query-string names this request binds (camelCase, as clients send them).</summary>
    public static readonly string[] QueryNames = typeof(SearchRequest).GetProperties()
        .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray();
    private static readonly string[] KnownModes = ["Licence", "OpenLicence", "Equity", "Transfer"];

    public string? Q { get; set; }
    public string[]? Type { get; set; }
    public string[]? Ipc { get; set; }
    public string[]? Mode { get; set; }
    public Guid[]? Owner { get; set; }
    public string[]? OwnerType { get; set; }
    public string[]? LegalStatus { get; set; }
    public bool? Sleeping { get; set; }
    /// <summary>Locarno classes of designs: "12" or "12-08" (the class is what is filtered).</summary>
    public string[]? Locarno { get; set; }
    public int? MinRemainingMonths { get; set; }
    public int? MaxRemainingMonths { get; set; }
    public decimal? MinPrice { get; set; }
    public decimal? MaxPrice { get; set; }
    public string? Sort { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public SearchQuery ToQuery()
    {
        var page = Page ?? 1;
        var size = PageSize ?? 20;
        if (page < 1) throw new DomainRuleException("page", "The page starts at 1.");
        if (size is < 1 or > MaxPageSize) throw new DomainRuleException("pageSize", new Text("The page size is 1 to {0}.", MaxPageSize));
        if ((long)page * size > MaxWindow) throw new DomainRuleException("page", new Text("Only the first {0} results can be paged through; narrow the search.", MaxWindow));
        if (MinPrice < 0 || MaxPrice < 0 || MinPrice > MaxPrice) throw new DomainRuleException("minPrice", "The price range must be from a lower to a higher non-negative amount.");
        // Prices are compared in fen as a long; no listing costs more than Money.Max, so a larger bound is a mistake.
        if (MinPrice > Money.Max) throw new DomainRuleException("minPrice", "A price bound is at most 1,000,000,000,000 yuan.");
        if (MaxPrice > Money.Max) throw new DomainRuleException("maxPrice", "A price bound is at most 1,000,000,000,000 yuan.");
        if (MinRemainingMonths < 0 || MinRemainingMonths > MaxRemainingMonths) throw new DomainRuleException("minRemainingMonths", "The remaining-term range must be from fewer to more months.");
        return new SearchQuery(
            Text(Q), Values<PatentType>(Type, "type"), IpcPrefixes(Ipc), Modes(Mode), Owner ?? [], Values<OrganizationType>(OwnerType, "ownerType"),
            Values<LegalStatus>(LegalStatus, "legalStatus"), Sleeping, MinRemainingMonths, MaxRemainingMonths, MinPrice, MaxPrice,
            Sort is null ? SearchSort.Relevance : Enum.TryParse<SearchSort>(Sort, ignoreCase: true, out var sort) && Enum.IsDefined(sort)
                ? sort : throw new DomainRuleException("sort", "Sort by Relevance, Newest, RemainingTerm, PriceLow or PriceHigh."),
            page, size) { Locarno = LocarnoClasses(Locarno) };
    }

    private static List<string> LocarnoClasses(string[]? values) => (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
    {
        var text = v.Trim();
        if (text.Length <= 2 && text.All(char.IsAsciiDigit)) text = text.PadLeft(2, '0') + (text.TrimStart('0') == "99" ? "-00" : "-01");
        return Domain.Patents.LocarnoClass.TryParse(text, out var locarno) ? locarno.Class
            : throw new DomainRuleException("locarno", "A Locarno class is two digits, e.g. 12, or a class and subclass, e.g. 12-08.");
    }).Distinct().ToList();

    /// <summary>Control characters become spaces; broken surrogate pairs cannot be words in any language.</summary>
    private static string? Text(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return null;
        if (q.Length > MaxTextLength) throw new DomainRuleException("q", new Text("Search with at most {0} characters.", MaxTextLength));
        var text = new StringBuilder(q.Length);
        for (var i = 0; i < q.Length; i++)
        {
            var c = q[i];
            if (char.IsHighSurrogate(c) && i + 1 < q.Length && char.IsLowSurrogate(q[i + 1])) { text.Append(c).Append(q[++i]); continue; }
            if (char.IsSurrogate(c)) throw new DomainRuleException("q", "The search text contains a broken character.");
            text.Append(char.IsControl(c) ? ' ' : c);
        }
        var result = text.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    private static IReadOnlyList<string> Values<TEnum>(string[]? values, string field) where TEnum : struct, Enum =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
            Enum.TryParse<TEnum>(v, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed.ToString()
                : throw new DomainRuleException(field, new Text("'{0}' is not one of: {1}.", v, string.Join(", ", Enum.GetNames<TEnum>())))).Distinct().ToList();

    private static IReadOnlyList<string> Modes(string[]? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
            KnownModes.FirstOrDefault(m => m.Equals(v, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainRuleException("mode", new Text("'{0}' is not one of: {1}.", v, string.Join(", ", KnownModes)))).Distinct().ToList();

    /// <summary>A section (B), a class (B63) or a subclass (B63B, as the related fields link to); longer codes are cut
    /// to their subclass.</summary>
    private static IReadOnlyList<string> IpcPrefixes(string[]? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
        {
            var code = v.Trim().ToUpperInvariant();
            var valid = code[0] is >= 'A' and <= 'H' && (code.Length == 1 || (code.Length >= 3 && char.IsAsciiDigit(code[1]) && char.IsAsciiDigit(code[2])
                && (code.Length == 3 || char.IsAsciiLetterUpper(code[3]))));
            return valid ? code[..Math.Min(4, code.Length)] : throw new DomainRuleException("ipc", new Text("'{0}' is not an IPC section (A–H), class (e.g. B63) or subclass (e.g. B63B).", v));
        }).Distinct().ToList();
}
