using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Domain.Common;
using Marketplace.Domain.Patents;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>
/// One spreadsheet row read into the domain's inputs, in the forms exports write: dates as 2012.05.31, 20120531,
/// 2012-05-31, 2012/5/31 or spreadsheet serials; IPC codes with version suffixes (G06F17/22(2006.01)I) split at
/// ; ； | or ,; names joined by ; ； , or |; PatSnap's "-" for nothing. A cell that cannot be read raises a
/// <see cref="DomainRuleException"/> naming the field, which the importer turns into the file's header.
/// </summary>
public sealed partial class ImportRow(string[] cells, IReadOnlyDictionary<ImportColumn, int> columns)
{
    private static readonly char[] NameSeparators = [';', '；', '|', '\n', '、'];
    private static readonly char[] CodeSeparators = [';', '；', '|', ',', '，', '\n', '、'];
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy-M-d", "yyyy年M月d日", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm"];
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug included); 1985–2100 is 31138–73415.
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    private static readonly Dictionary<string, PatentType> TypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["发明"] = PatentType.Invention, ["发明申请"] = PatentType.Invention, ["发明公开"] = PatentType.Invention, ["发明授权"] = PatentType.Invention,
        ["授权发明"] = PatentType.Invention, ["发明专利"] = PatentType.Invention, ["中国发明"] = PatentType.Invention,
        ["中国发明申请"] = PatentType.Invention, ["中国发明授权"] = PatentType.Invention, ["发明(PCT)"] = PatentType.Invention,
        ["发明专利申请"] = PatentType.Invention, ["invention"] = PatentType.Invention,
        ["实用新型"] = PatentType.UtilityModel, ["中国实用新型"] = PatentType.UtilityModel, ["实用新型专利"] = PatentType.UtilityModel,
        ["实用新型(PCT)"] = PatentType.UtilityModel, ["新型"] = PatentType.UtilityModel, ["utilitymodel"] = PatentType.UtilityModel,
        ["utility model"] = PatentType.UtilityModel,
        ["外观设计"] = PatentType.Design, ["中国外观设计"] = PatentType.Design, ["外观设计专利"] = PatentType.Design, ["外观"] = PatentType.Design,
        ["design"] = PatentType.Design,
    };

    public string? this[ImportColumn column]
    {
        get
        {
            if (!columns.TryGetValue(column, out var i) || i >= cells.Length) return null;
            var text = cells[i].Trim();
            if (text.StartsWith('=')) text = FormulaValue(text, column);
            return text.Length == 0 || text is "-" or "--" or "—" or "无" or "N/A" ? null : text;
        }
    }

    /// <summary>Names (applicants, inventors). Commas split only when no other separator is used, since
    /// "Co., Ltd." holds one.</summary>
    public IReadOnlyList<string> Names(ImportColumn column)
    {
        var text = this[column];
        if (text is null) return [];
        var separators = text.IndexOfAny(NameSeparators) >= 0 ? NameSeparators : [',', '，'];
        return text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>IPC codes without their version suffix, in the file's order.</summary>
    public IReadOnlyList<string> IpcCodes(ImportColumn column) =>
        this[column]?.Split(CodeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => IpcVersion().Replace(c, "").Trim()).Where(c => c.Length > 0).ToList() ?? [];

    public DateOnly? Date(ImportColumn column)
    {
        var text = this[column];
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 20000 and < 80000)
            return SerialEpoch.AddDays((int)serial);
        throw new DomainRuleException(ImportFields.FieldOf(column), new Text("'{0}' is not a date; write it as 2017-07-20.", text));
    }

    /// <summary>A filing year of four digits (PatSnap's 申请年), when the file has no filing date.</summary>
    public int? Year(ImportColumn column) => this[column] is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1985 and <= 2100 ? year
            : throw new DomainRuleException(ImportFields.FieldOf(column), new Text("'{0}' is not a year.", text))
        : null;

    public PatentType? Type()
    {
        var text = this[ImportColumn.Type];
        if (text is null) return null;
        var key = text.Replace(" ", "").Replace('（', '(').Replace('）', ')');
        if (TypeWords.TryGetValue(key, out var type) || TypeWords.TryGetValue(text.Trim(), out type)) return type;
        if (Enum.TryParse(key, ignoreCase: true, out type) && Enum.IsDefined(type)) return type;
        throw new DomainRuleException("type", new Text("'{0}' is not a patent type: 发明, 实用新型 or 外观设计.", text));
    }

    /// <summary>The status column and the events column (when a file has both) read through the one table.</summary>
    public LegalStatusReading? Status()
    {
        var status = LegalStatusTable.Read(this[ImportColumn.LegalStatus]);
        var events = LegalStatusTable.Read(this[ImportColumn.LegalEvents]);
        if (events is null) return status;
        if (status?.Status is null) return events with { Events = events.Events | (status?.Events ?? LegalEvents.None) };
        return status with { Events = status.Events | events.Events, Granted = status.Granted || events.Granted };
    }

    /// <summary>
    /// A CSV holds formulas as text (a workbook gives their stored value instead). Nothing is evaluated: a link keeps
    /// its label (=HYPERLINK("…","CN107153635A")), a quoted constant its text (="0631"), and any other formula is
    /// refused, so that it can never reach an export and run in someone's spreadsheet.
    /// </summary>
    private static string FormulaValue(string text, ImportColumn column)
    {
        if (HyperlinkLabel().Match(text) is { Success: true } link) return link.Groups["label"].Value.Replace("\"\"", "\"").Trim();
        if (QuotedConstant().Match(text) is { Success: true } constant) return constant.Groups["value"].Value.Replace("\"\"", "\"").Trim();
        throw new DomainRuleException(ImportFields.FieldOf(column), new Text("'{0}' is a formula; put its value in the cell instead.", text.Length > 60 ? text[..60] + "…" : text));
    }

    [GeneratedRegex(@"^=\s*HYPERLINK\s*\(\s*""(?:[^""]|"""")*""\s*[,;]\s*""(?<label>(?:[^""]|"""")*)""\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex HyperlinkLabel();

    [GeneratedRegex(@"^=""(?<value>(?:[^""]|"""")*)""$")]
    private static partial Regex QuotedConstant();

    [GeneratedRegex(@"\(\d{4}\.\d{2}\)[A-Z]?$|（\d{4}\.\d{2}）[A-Z]?$")]
    private static partial Regex IpcVersion();
}
