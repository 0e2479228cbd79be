namespace Marketplace.Web.Features.Patents.Import;

public enum ImportColumn
{
    ApplicationNumber, Type, Title, TitleEn, Abstract, AbstractEn, FilingDate, GrantDate, PublicationNumber,
    MainIpc, IpcCodes, Owners, Inventors, LegalStatus, LapseReason, FeesPaidThrough,
    Modes, LicenceKind, LicenceTerritory, LicenceTermMonths, LicenceLumpSum, RoyaltyRate,
    OpenLicenceAnnualFee, OpenLicenceFeeStandard, OpenLicencePaymentMethod, EvaluationReport,
    EquityValuation, EquitySharePercent, TransferPrice, Description,
}

/// <summary>
/// Header names: our template's, and those of common patent-database exports (CNIPA, incoPat, Himmpat), so an
/// office can upload an export as it is. Unknown columns are ignored and reported.
/// </summary>
public static class ImportColumns
{
    /// <summary>The template's headers, in order; the first name of each column.</summary>
    public static readonly (ImportColumn Column, string Header, string Example)[] Template =
    [
        (ImportColumn.ApplicationNumber, "申请号", "201710601862.3"),
        (ImportColumn.Type, "专利类型", "发明"),
        (ImportColumn.Title, "专利名称", "一种用于船舶的智能导航装置及方法"),
        (ImportColumn.TitleEn, "英文名称", "Intelligent navigation device and method for ships"),
        (ImportColumn.Abstract, "摘要", "本发明公开了一种用于船舶的智能导航装置……"),
        (ImportColumn.FilingDate, "申请日", "2017-07-20"),
        (ImportColumn.GrantDate, "授权公告日", "2020-03-17"),
        (ImportColumn.PublicationNumber, "公开(公告)号", "CN107356261B"),
        (ImportColumn.MainIpc, "主分类号", "G01C 21/20"),
        (ImportColumn.IpcCodes, "IPC分类号", "G01C 21/20；B63B 49/00"),
        (ImportColumn.Owners, "专利权人", "哈尔滨工业大学（威海）"),
        (ImportColumn.Inventors, "发明人", "张三；李四"),
        (ImportColumn.LegalStatus, "法律状态", "有效"),
        (ImportColumn.LapseReason, "失效原因", ""),
        (ImportColumn.FeesPaidThrough, "年费缴至", "2026-07-19"),
        (ImportColumn.Modes, "交易方式", "许可；转让"),
        (ImportColumn.LicenceKind, "许可类型", "普通许可"),
        (ImportColumn.LicenceTerritory, "许可地域", "中国大陆"),
        (ImportColumn.LicenceTermMonths, "许可期限(月)", "36"),
        (ImportColumn.LicenceLumpSum, "许可费(元)", "200000.00"),
        (ImportColumn.RoyaltyRate, "提成比例(%)", "3"),
        (ImportColumn.OpenLicenceAnnualFee, "开放许可年费(元)", ""),
        (ImportColumn.OpenLicenceFeeStandard, "开放许可费用标准", ""),
        (ImportColumn.OpenLicencePaymentMethod, "开放许可支付方式", ""),
        (ImportColumn.EvaluationReport, "专利权评价报告", ""),
        (ImportColumn.EquityValuation, "作价估值(元)", ""),
        (ImportColumn.EquitySharePercent, "预期股权比例(%)", ""),
        (ImportColumn.TransferPrice, "转让价格(元)", "面议"),
        (ImportColumn.Description, "挂牌说明", ""),
    ];

    private static readonly Dictionary<string, ImportColumn> Aliases = BuildAliases();

    private static Dictionary<string, ImportColumn> BuildAliases()
    {
        var aliases = new Dictionary<string, ImportColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, header, _) in Template) aliases[Normalize(header)] = column;
        void Add(ImportColumn column, params string[] names) { foreach (var n in names) aliases[Normalize(n)] = column; }
        Add(ImportColumn.ApplicationNumber, "专利号", "申请号/专利号", "application number", "applicationnumber");
        Add(ImportColumn.Type, "类型", "patent type");
        Add(ImportColumn.Title, "名称", "发明名称", "标题", "title");
        Add(ImportColumn.Abstract, "摘要(中文)", "abstract");
        Add(ImportColumn.FilingDate, "申请日期", "filing date");
        Add(ImportColumn.GrantDate, "授权日", "授权公告日期", "grant date");
        Add(ImportColumn.PublicationNumber, "公开（公告）号", "公开号", "公告号", "授权公告号", "publication number");
        Add(ImportColumn.MainIpc, "主ipc", "main ipc");
        Add(ImportColumn.IpcCodes, "ipc", "分类号", "ipc codes");
        Add(ImportColumn.Owners, "申请人/专利权人", "申请（专利权）人", "申请人", "当前权利人", "owners");
        Add(ImportColumn.Inventors, "发明人/设计人", "设计人", "inventors");
        Add(ImportColumn.LegalStatus, "当前法律状态", "legal status");
        return aliases;
    }

    public static string Normalize(string header) =>
        new string(header.Trim().Replace('（', '(').Replace('）', ')').Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

    public static ImportColumn? Find(string header) => Aliases.TryGetValue(Normalize(header), out var column) ? column : null;

    /// <summary>Columns a file must have; the rest have defaults or are optional.</summary>
    public static readonly ImportColumn[] Required =
        [ImportColumn.ApplicationNumber, ImportColumn.Title, ImportColumn.Abstract, ImportColumn.FilingDate, ImportColumn.Inventors];

    public static string HeaderOf(ImportColumn column) => Template.First(t => t.Column == column).Header;
}
