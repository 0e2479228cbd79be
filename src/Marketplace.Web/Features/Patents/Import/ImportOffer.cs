using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Domain.Listings;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>The offer columns of our template (modes, licence, open licence, equity, transfer terms) read from a row;
/// a database export has none of them, and its rows then register patents only.</summary>
public static class ImportOffer
{
    private static readonly char[] ListSeparators = [';', '；', '、', '|', '\n', ','];

    public static ListingTerms? Terms(ImportRow row)
    {
        var modes = row[ImportColumn.Modes]?.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (modes.Length == 0) return null;
        LicenceTerms? licence = null; OpenLicenceTerms? open = null; EquityTerms? equity = null; TransferTerms? transfer = null;
        foreach (var mode in modes)
        {
            if (mode.Contains("开放许可") || mode.Equals("OpenLicence", StringComparison.OrdinalIgnoreCase))
                open = new OpenLicenceTerms(Amount(row, ImportColumn.OpenLicenceAnnualFee), Amount(row, ImportColumn.RoyaltyRate),
                    row[ImportColumn.OpenLicenceFeeStandard] ?? "", row[ImportColumn.OpenLicencePaymentMethod] ?? "", Flag(row, ImportColumn.EvaluationReport));
            else if (mode.Contains("许可") || mode.Equals("Licence", StringComparison.OrdinalIgnoreCase))
                licence = new LicenceTerms(Kind(row), row[ImportColumn.LicenceTerritory] ?? "中国大陆",
                    Whole(row, ImportColumn.LicenceTermMonths) ?? 0, Amount(row, ImportColumn.LicenceLumpSum), Amount(row, ImportColumn.RoyaltyRate));
            else if (mode.Contains("入股") || mode.Equals("Equity", StringComparison.OrdinalIgnoreCase))
                equity = new EquityTerms(Amount(row, ImportColumn.EquityValuation) ?? 0, Amount(row, ImportColumn.EquitySharePercent) ?? 0);
            else if (mode.Contains("转让") || mode.Equals("Transfer", StringComparison.OrdinalIgnoreCase))
                transfer = new TransferTerms(Amount(row, ImportColumn.TransferPrice), Amount(row, ImportColumn.TransferPrice) is null);
            else
                throw new DomainRuleException("modes", new Text("'{0}' is not a mode: 许可, 开放许可, 作价入股 or 转让.", mode));
        }
        return new ListingTerms(licence, open, equity, transfer);
    }

    private static decimal? Amount(ImportRow row, ImportColumn column)
    {
        var text = row[column]?.Replace("元", "").Replace("￥", "").Replace("¥", "").Replace(",", "").Replace("%", "").Trim();
        if (string.IsNullOrEmpty(text) || text == "面议") return null;
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainRuleException(ImportFields.FieldOf(column), new Text("'{0}' is not a number.", row[column]));
    }

    private static int? Whole(ImportRow row, ImportColumn column) => Amount(row, column) is { } value
        ? value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue ? (int)value
            : throw new DomainRuleException(ImportFields.FieldOf(column), new Text("'{0}' must be a whole number.", row[column]))
        : null;

    private static bool Flag(ImportRow row, ImportColumn column) =>
        row[column] is { } text && text.Trim().ToLowerInvariant() is "是" or "有" or "已出具" or "yes" or "true" or "y" or "1";

    private static LicenceKind Kind(ImportRow row) => row[ImportColumn.LicenceKind] switch
    {
        null => LicenceKind.NonExclusive,
        var k when k.Contains("独占") || k.Equals("Exclusive", StringComparison.OrdinalIgnoreCase) => LicenceKind.Exclusive,
        var k when k.Contains("排他") || k.Equals("Sole", StringComparison.OrdinalIgnoreCase) => LicenceKind.Sole,
        var k when k.Contains("普通") || k.Equals("NonExclusive", StringComparison.OrdinalIgnoreCase) => LicenceKind.NonExclusive,
        var k => throw new DomainRuleException("licence.kind", new Text("'{0}' is not a licence type: 独占, 排他 or 普通.", k)),
    };
}
