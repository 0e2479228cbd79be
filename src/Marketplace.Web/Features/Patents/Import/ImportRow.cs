using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Patents;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>
/// One spreadsheet row read into the domain's inputs. Cell formats follow what patent-database exports contain
/// (dates as 2017.07.20 or 20170720, amounts with 元 or thousands separators, lists split by ；、; or line breaks);
/// a cell that cannot be read raises a <see cref="DomainRuleException"/> naming the column.
/// </summary>
public sealed class ImportRow(string[] cells, IReadOnlyDictionary<ImportColumn, int> columns)
{
    private static readonly char[] ListSeparators = [';', '；', '、', '|', '\n', ','];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy-M-d", "yyyy年M月d日"];

    public string? this[ImportColumn column] =>
        columns.TryGetValue(column, out var i) && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;

    public IReadOnlyList<string> List(ImportColumn column) =>
        this[column]?.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public DateOnly? Date(ImportColumn column)
    {
        var text = this[column];
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime)) return DateOnly.FromDateTime(dateTime);
        throw new DomainRuleException(Field(column), $"'{text}' is not a date; write it as 2017-07-20.");
    }

    public decimal? Amount(ImportColumn column)
    {
        var text = this[column]?.Replace("元", "").Replace("￥", "").Replace("¥", "").Replace(",", "").Replace("%", "").Trim();
        if (string.IsNullOrEmpty(text) || text == "面议") return null;
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainRuleException(Field(column), $"'{this[column]}' is not a number.");
    }

    public int? Whole(ImportColumn column) => Amount(column) is { } value
        ? value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue ? (int)value
            : throw new DomainRuleException(Field(column), $"'{this[column]}' must be a whole number.")
        : null;

    public bool Flag(ImportColumn column) => this[column] is { } text && text.Trim().ToLowerInvariant() is "是" or "有" or "已出具" or "yes" or "true" or "y" or "1";

    public PatentType? Type()
    {
        var text = this[ImportColumn.Type];
        if (text is null) return null;
        if (Enum.TryParse<PatentType>(text.Replace(" ", ""), ignoreCase: true, out var type)) return type;
        return text switch
        {
            _ when text.Contains("发明") => PatentType.Invention,
            _ when text.Contains("实用新型") => PatentType.UtilityModel,
            _ when text.Contains("外观") => PatentType.Design,
            _ => throw new DomainRuleException("type", $"'{text}' is not a patent type: 发明, 实用新型 or 外观设计."),
        };
    }

    /// <summary>CNIPA's wording of legal status in exports, mapped to the three states the marketplace tracks.</summary>
    public (LegalStatus Status, string? LapseReason) Status(bool granted)
    {
        var text = this[ImportColumn.LegalStatus];
        var reason = this[ImportColumn.LapseReason];
        if (text is null) return (granted ? LegalStatus.Valid : LegalStatus.Pending, reason);
        if (Enum.TryParse<LegalStatus>(text, ignoreCase: true, out var parsed)) return (parsed, reason);
        if (new[] { "失效", "无效", "终止", "届满", "放弃", "驳回", "撤回", "未缴年费" }.Any(text.Contains)) return (LegalStatus.Lapsed, reason ?? text);
        if (new[] { "审", "公开", "受理" }.Any(text.Contains)) return (LegalStatus.Pending, reason);
        if (new[] { "有效", "授权", "维持" }.Any(text.Contains)) return (LegalStatus.Valid, reason);
        throw new DomainRuleException("legalStatus", $"'{text}' is not a legal status: 有效, 审中 or 失效.");
    }

    public ListingTerms? Terms()
    {
        var modes = List(ImportColumn.Modes);
        if (modes.Count == 0) return null;
        LicenceTerms? licence = null; OpenLicenceTerms? open = null; EquityTerms? equity = null; TransferTerms? transfer = null;
        foreach (var mode in modes)
        {
            if (mode.Contains("开放许可") || mode.Equals("OpenLicence", StringComparison.OrdinalIgnoreCase))
                open = new OpenLicenceTerms(Amount(ImportColumn.OpenLicenceAnnualFee), Amount(ImportColumn.RoyaltyRate),
                    this[ImportColumn.OpenLicenceFeeStandard] ?? "", this[ImportColumn.OpenLicencePaymentMethod] ?? "", Flag(ImportColumn.EvaluationReport));
            else if (mode.Contains("许可") || mode.Equals("Licence", StringComparison.OrdinalIgnoreCase))
                licence = new LicenceTerms(LicenceKind(), this[ImportColumn.LicenceTerritory] ?? "中国大陆",
                    Whole(ImportColumn.LicenceTermMonths) ?? 0, Amount(ImportColumn.LicenceLumpSum), Amount(ImportColumn.RoyaltyRate));
            else if (mode.Contains("入股") || mode.Equals("Equity", StringComparison.OrdinalIgnoreCase))
                equity = new EquityTerms(Amount(ImportColumn.EquityValuation) ?? 0, Amount(ImportColumn.EquitySharePercent) ?? 0);
            else if (mode.Contains("转让") || mode.Equals("Transfer", StringComparison.OrdinalIgnoreCase))
                transfer = new TransferTerms(Amount(ImportColumn.TransferPrice), Amount(ImportColumn.TransferPrice) is null);
            else
                throw new DomainRuleException("modes", $"'{mode}' is not a mode: 许可, 开放许可, 作价入股 or 转让.");
        }
        return new ListingTerms(licence, open, equity, transfer);
    }

    private LicenceKind LicenceKind() => this[ImportColumn.LicenceKind] switch
    {
        null => Domain.Listings.LicenceKind.NonExclusive,
        var k when k.Contains("独占") || k.Equals("Exclusive", StringComparison.OrdinalIgnoreCase) => Domain.Listings.LicenceKind.Exclusive,
        var k when k.Contains("排他") || k.Equals("Sole", StringComparison.OrdinalIgnoreCase) => Domain.Listings.LicenceKind.Sole,
        var k when k.Contains("普通") || k.Equals("NonExclusive", StringComparison.OrdinalIgnoreCase) => Domain.Listings.LicenceKind.NonExclusive,
        var k => throw new DomainRuleException("licence.kind", $"'{k}' is not a licence type: 独占, 排他 or 普通."),
    };

    /// <summary>The JSON field name a column's value is validated under, so domain errors map back to columns.</summary>
    private static string Field(ImportColumn column) => ImportFields.FieldOf(column);
}
