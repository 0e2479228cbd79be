using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Web.Features.Patents.Import;

/// <summary>
/// The header names of the exports an office uploads as they come: CNIPA's search system (pss-system, XLS result
/// lists), the CNIPR/SIPO TRS exports, PatSnap (智慧芽), incoPat, Himmpat (合享), Baiten (佰腾), SooPAT and our
/// template. Headers are compared after <see cref="Normalize"/>. Where one export has two columns for a field (申请人
/// and 当前申请(专利权)人), the lower rank wins and the import says which one it used.
/// </summary>
public static partial class HeaderNames
{
    private static readonly Dictionary<string, (ImportColumn Column, int Rank)> Aliases = Build();

    private static Dictionary<string, (ImportColumn, int)> Build()
    {
        var aliases = new Dictionary<string, (ImportColumn, int)>(StringComparer.Ordinal);
        foreach (var (column, header, _) in ImportColumns.Template) aliases[Normalize(header)] = (column, 0);
        void Add(ImportColumn column, int rank, params string[] names) { foreach (var n in names) aliases.TryAdd(Normalize(n), (column, rank)); }
        Add(ImportColumn.ApplicationNumber, 0, "申请号", "专利号", "申请号/专利号", "专利申请号", "申请专利号", "application number", "applicationnumber", "app no");
        Add(ImportColumn.Type, 0, "专利类型", "类型", "申请类型", "专利种类", "文献类型", "patent type");
        Add(ImportColumn.Title, 0, "标题", "名称", "发明名称", "专利名称", "发明创造名称", "标题(中文)", "中文标题", "title");
        Add(ImportColumn.Title, 1, "标题(原文)");
        Add(ImportColumn.TitleEn, 0, "英文标题", "标题(英文)", "标题(english)", "title(english)");
        Add(ImportColumn.Abstract, 0, "摘要", "申请摘要", "摘要(中文)", "中文摘要", "摘要(简体中文)", "abstract");
        Add(ImportColumn.Abstract, 1, "摘要(原文)");
        Add(ImportColumn.AbstractEn, 0, "英文摘要", "摘要(英文)", "摘要(english)", "abstract(english)");
        Add(ImportColumn.FilingDate, 0, "申请日", "申请日期", "filing date", "application date");
        Add(ImportColumn.FilingYear, 0, "申请年", "申请年份", "filing year");
        Add(ImportColumn.GrantDate, 0, "授权日", "授权公告日", "授权公告日期", "授权日期", "颁证日", "grant date");
        Add(ImportColumn.PublicationNumber, 0, "公开(公告)号", "公开公告号", "公开号", "公告号", "授权公告号", "公布号", "publication number");
        Add(ImportColumn.PublicationDate, 0, "公开(公告)日", "公开公告日", "公开日", "公告日", "公开日期", "公布日", "publication date");
        Add(ImportColumn.MainIpc, 0, "主分类号", "ipc主分类号", "ipc主分类", "主ipc", "main ipc");
        Add(ImportColumn.IpcCodes, 0, "ipc分类号", "ipc", "分类号", "ipc codes", "国际专利分类号");
        Add(ImportColumn.LocarnoClass, 0, "洛迦诺分类", "洛迦诺分类号", "外观设计洛迦诺分类号", "loc分类号", "locarno", "locarno class", "外观分类号");
        // Owners: who holds the patent now comes before who filed it.
        Add(ImportColumn.Owners, 0, "专利权人", "当前申请(专利权)人", "当前申请专利权人", "当前权利人", "当前专利权人", "owners");
        Add(ImportColumn.Owners, 1, "申请(专利权)人", "申请人/专利权人", "申请专利权人", "标准化当前权利人");
        Add(ImportColumn.Owners, 2, "申请人", "原始申请(专利权)人", "标准化申请人", "applicant");
        Add(ImportColumn.Inventors, 0, "发明人", "发明(设计)人", "发明人/设计人", "设计人", "inventors", "inventor");
        Add(ImportColumn.LegalStatus, 0, "法律状态", "当前法律状态", "法律状态事件", "法律状态/事件", "legal status");
        Add(ImportColumn.LegalStatus, 1, "简单法律状态", "专利有效性", "有效性");
        Add(ImportColumn.LegalEvents, 0, "法律事件", "法律状态历史", "法律信息");
        return aliases;
    }

    /// <summary>
    /// Full- and half-width forms, spaces, a [标] prefix (PatSnap's standardised names), (译) and language
    /// suffixes such as (简体中文) and slashes do not matter. "(english)" is kept, since it tells the English title
    /// from the Chinese one.
    /// </summary>
    public static string Normalize(string header)
    {
        var builder = new StringBuilder();
        foreach (var c in header.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && c is not ('/' or '\\' or '*' or '"')) builder.Append(char.ToLowerInvariant(c));
        var text = Standardised().Replace(builder.ToString(), "");
        text = text.Replace("(译)", "").Replace("(简体中文)", "(中文)").Replace("(中文简体)", "(中文)");
        return text;
    }

    /// <summary>The field a header means, and its rank among headers of the same field (0 first); null when unknown.</summary>
    public static (ImportColumn Column, int Rank)? Find(string header)
    {
        var normalized = Normalize(header);
        var standardised = Standardised().IsMatch(header.Normalize(NormalizationForm.FormKC).Replace(" ", ""));
        if (!Aliases.TryGetValue(normalized, out var found)) return null;
        // PatSnap's [标] names are a cleaned copy; the name as filed wins when both are there.
        return (found.Column, found.Rank * 2 + (standardised ? 1 : 0));
    }

    [GeneratedRegex(@"^\[标\]")]
    private static partial Regex Standardised();
}
