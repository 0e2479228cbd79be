using Marketplace.Domain.Common;

namespace Marketplace.Web.Features.Patents.Import;

public enum ImportColumn
{
    ApplicationNumber, Type, Title, TitleEn, Abstract, AbstractEn, FilingDate, GrantDate, PublicationNumber,
    MainIpc, IpcCodes, Owners, Inventors, LegalStatus, LapseReason, FeesPaidThrough,
    Modes, LicenceKind, LicenceTerritory, LicenceTermMonths, LicenceLumpSum, RoyaltyRate,
    OpenLicenceAnnualFee, OpenLicenceFeeStandard, OpenLicencePaymentMethod, EvaluationReport,
    EquityValuation, EquitySharePercent, TransferPrice, Description,
    FilingYear, PublicationDate, LocarnoClass, LegalEvents,
    // A legal-status file's (Features/Watch/LegalStatusFile): the event's date, and a term compensation granted.
    StatusDate, TermCompensationDays,
}

/// <summary>Our template's columns; the names of other exports are in <see cref="HeaderNames"/>.</summary>
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
        (ImportColumn.LocarnoClass, "洛迦诺分类号", ""),
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

    /// <summary>Columns a file must have: an export without them has no patents this import can register. The
    /// application number is checked per row instead, so that an export without it gets one clear error per row.</summary>
    public static readonly ImportColumn[] Required = [ImportColumn.Title];

    /// <summary>Our template's header of a column, for columns a file does not have.</summary>
    public static string HeaderOf(ImportColumn column) =>
        Template.FirstOrDefault(t => t.Column == column).Header ?? column switch
        {
            ImportColumn.FilingYear => "申请年",
            ImportColumn.PublicationDate => "公开(公告)日",
            ImportColumn.LegalEvents => "法律事件",
            ImportColumn.StatusDate => "法律状态公告日",
            ImportColumn.TermCompensationDays => "期限补偿天数",
            _ => column.ToString(),
        };

    /// <summary>What a column means, in words (English, with the Chinese in the resources), for the preview.</summary>
    public static Text Label(ImportColumn column) => column switch
    {
        ImportColumn.ApplicationNumber => "Application number", ImportColumn.Type => "Patent type", ImportColumn.Title => "Chinese title",
        ImportColumn.TitleEn => "English title", ImportColumn.Abstract => "Chinese abstract", ImportColumn.AbstractEn => "English abstract",
        ImportColumn.FilingDate => "Filing date", ImportColumn.FilingYear => "Filing year", ImportColumn.GrantDate => "Grant date",
        ImportColumn.PublicationNumber => "Publication number", ImportColumn.PublicationDate => "Publication date",
        ImportColumn.MainIpc => "Main IPC code", ImportColumn.IpcCodes => "IPC codes", ImportColumn.LocarnoClass => "Locarno class",
        ImportColumn.Owners => "Owners (patentees)", ImportColumn.Inventors => "Inventors", ImportColumn.LegalStatus => "Legal status",
        ImportColumn.LegalEvents => "Legal events", ImportColumn.LapseReason => "Lapse reason", ImportColumn.FeesPaidThrough => "Annual fees paid through",
        _ => new Text("Offer: {0}", HeaderOf(column)),
    };
}
