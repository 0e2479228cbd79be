using System.Text;
using MiniExcelLibs;
using NPOI.HSSF.UserModel;

namespace Marketplace.Web.Tests.Import;

/// <summary>A record as the fixtures write it; the fields are real CNIPA data (yinwenzhi records).</summary>
public sealed record FixtureRecord(
    string AppNo, string Type, string PubNo, string PubDate, string AppDate, string Title, string Applicant, string Inventors,
    string Ipc, string MainIpc, string Abstract, string Status, string? GrantDate = null);

/// <summary>
/// Small exports built with each database's own header set (as their documentation and real exports name the
/// columns) and each one's cell forms, written as the format that database gives: XLS for CNIPA's search system
/// and SooPAT, GB18030 CSV for the CNIPR TRS export, XLSX for PatSnap and incoPat, UTF-8 CSV for Himmpat and Baiten.
/// </summary>
public static class ExportFixtures
{
    public static FixtureRecord[] Records(string applicant) =>
    [
        new("CN201610124658.2", "发明", "CN107153635A", "2017.09.12", "2016.03.04", "一种自动提取论文引用内容及对应文后参考文献的方法和系统",
            applicant, "王骏; 熊海涛", "G06F17/22(2006.01)I; G06F17/27(2006.01)I", "G06F17/22(2006.01)I",
            "提取出的正文内容进行分句，分句符号为中文句号和英文句号，依次通过三个正则表达式来判断是否应当分句。", "实质审查"),
        new("CN201510061947.8", "发明", "CN104615720B", "2017.06.20", "2015.02.05", "一种基于索引的XML文档查询优化方法",
            applicant, "陈琳; 张学伟; 陈海涛", "G06F17/30(2006.01)I", "G06F17/30(2006.01)I",
            "借助索引的优势，避免了不必要的数据访问和操作，从而使基于XPath匹配的筛选在实际性能上得到大大提升。", "授权 | 质押", "2017.06.20"),
    ];

    /// <summary>Each export: its name, format, title rows above the header, and its columns with how it writes each value.</summary>
    public static readonly (string Name, string Format, string[] Title, (string Header, Func<FixtureRecord, string> Value)[] Columns)[] Exports =
    [
        ("pss-system", "xls", ["检索式：申请人=(哈尔滨工业大学(威海))", ""],
        [
            ("申请号", r => r.AppNo), ("申请日", r => r.AppDate.Replace('.', '-')), ("公开（公告）号", r => r.PubNo), ("公开（公告）日", r => r.PubDate),
            ("发明名称", r => r.Title), ("IPC分类号", r => r.Ipc), ("申请（专利权）人", r => r.Applicant), ("发明（设计）人", r => r.Inventors),
            ("优先权号", _ => ""), ("申请人地址", _ => "264209山东省威海市文化西路2号"), ("法律状态", r => r.Status.Contains("授权") ? "授权" : "实质审查的生效"),
        ]),
        ("CNIPR TRS", "csv-gb18030", [],
        [
            ("申请号", r => r.AppNo[2..]), ("申请日", r => r.AppDate), ("名称", r => r.Title), ("公开（公告）号", r => r.PubNo), ("公开（公告）日", r => r.PubDate),
            ("主分类号", r => r.MainIpc), ("分类号", r => r.Ipc), ("申请（专利权）人", r => r.Applicant), ("发明（设计）人", r => r.Inventors),
            ("地址", _ => "264209 山东省威海市"), ("申请摘要", r => r.Abstract), ("专利代理机构", _ => "威海科星专利事务所 37202"), ("颁证日", r => r.GrantDate ?? ""),
            ("法律状态", r => r.Status),
        ]),
        ("PatSnap", "xlsx", [],
        [
            ("序号", _ => "1"), ("公开(公告)号", r => r.PubNo), ("申请号", r => r.AppNo), ("申请日", r => r.AppDate.Replace('.', '-')),
            ("公开(公告)日", r => r.PubDate.Replace('.', '-')), ("标题(译)(简体中文)", r => r.Title), ("标题(译)(English)", _ => "A method"),
            ("摘要(译)(简体中文)", r => r.Abstract), ("[标]当前申请(专利权)人", r => r.Applicant), ("[标]原始申请(专利权)人", r => r.Applicant),
            ("发明人", r => r.Inventors.Replace("; ", " | ")), ("IPC分类号", r => r.Ipc.Replace("(2006.01)I", "").Replace("; ", " | ")),
            ("IPC主分类号", r => r.MainIpc.Replace("(2006.01)I", "")), ("专利类型", r => r.Status.Contains("授权") ? "授权发明" : "发明申请"),
            ("法律状态/事件", r => r.Status), ("简单法律状态", r => r.Status.Contains("授权") ? "有效" : "审中"), ("INPADOC法律状态", _ => "-"),
        ]),
        ("incoPat", "xlsx", [],
        [
            ("标题", r => r.Title), ("摘要", r => r.Abstract), ("申请号", r => r.AppNo), ("申请日", r => r.AppDate.Replace(".", "")),
            ("公开（公告）号", r => r.PubNo), ("公开（公告）日", r => r.PubDate.Replace(".", "")), ("申请人", r => r.Applicant), ("当前权利人", r => r.Applicant),
            ("发明人", r => r.Inventors), ("IPC", r => r.Ipc.Replace("; ", ";")), ("IPC主分类", r => r.MainIpc), ("专利类型", _ => "发明"),
            ("当前法律状态", r => r.Status.Contains("授权") ? "有权-审定授权" : "审中-实审"), ("专利有效性", r => r.Status.Contains("授权") ? "有效" : "审中"),
            ("法律事件", r => r.Status.Contains("质押") ? "质押" : ""), ("授权日", r => r.GrantDate?.Replace(".", "") ?? ""),
        ]),
        ("Himmpat", "csv-utf8-bom", [],
        [
            ("公开(公告)号", r => r.PubNo), ("申请号", r => r.AppNo), ("申请日", r => r.AppDate.Replace('.', '/')),
            ("公开(公告)日", r => r.PubDate.Replace('.', '/')), ("标题", r => r.Title),
            ("摘要", r => r.Abstract), ("申请(专利权)人", r => r.Applicant), ("发明人", r => r.Inventors.Replace("; ", "；")),
            ("IPC分类号", r => r.Ipc.Replace("(2006.01)I", "")), ("IPC主分类号", r => r.MainIpc.Replace("(2006.01)I", "")),
            ("法律状态", r => r.Status.Contains("授权") ? "有效" : "审中"), ("专利类型", _ => "发明专利"),
        ]),
        ("Baiten", "csv-utf8", [],
        [
            ("专利名称", r => r.Title), ("申请号", r => r.AppNo), ("申请日", r => r.AppDate.Replace('.', '-')), ("公开号", r => r.PubNo),
            ("公开日", r => r.PubDate.Replace('.', '-')), ("申请人", r => r.Applicant), ("发明人", r => r.Inventors.Replace("; ", ",")),
            ("主分类号", r => r.MainIpc.Replace("(2006.01)I", "")), ("分类号", r => r.Ipc.Replace("(2006.01)I", "").Replace("; ", ",")),
            ("摘要", r => r.Abstract), ("专利类型", _ => "发明"), ("法律状态", r => r.Status.Contains("授权") ? "授权" : "公开"),
            ("授权日", r => r.GrantDate?.Replace('.', '-') ?? ""),
        ]),
        ("SooPAT", "xls", ["SooPAT 专利搜索 导出"],
        [
            ("申请号", r => r.AppNo[2..]), ("名称", r => r.Title), ("摘要", r => r.Abstract), ("申请日", r => r.AppDate),
            ("申请(专利权)人", r => r.Applicant), ("发明(设计)人", r => r.Inventors), ("主分类号", r => r.MainIpc), ("分类号", r => r.Ipc),
            ("公开(公告)号", r => r.PubNo), ("公开(公告)日", r => r.PubDate), ("地址", _ => "山东省威海市"), ("颁证日", r => r.GrantDate ?? ""),
        ]),
    ];

    public static (byte[] Bytes, string FileName) Build(string format, string[] title, string[] header, IEnumerable<string[]> rows)
    {
        var all = title.Select(t => new[] { t }).Append(header).Concat(rows).ToList();
        return format switch
        {
            "xls" => (Xls(all), "export.xls"),
            "xlsx" => (Xlsx(all), "export.xlsx"),
            "csv-gb18030" => (Gb18030.GetBytes(Csv(all)), "export.csv"),
            "csv-utf8-bom" => ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv(all))], "export.csv"),
            _ => (Encoding.UTF8.GetBytes(Csv(all)), "export.csv"),
        };
    }

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    public static string Csv(IEnumerable<string[]> rows) =>
        string.Concat(rows.Select(r => string.Join(",", r.Select(c => c.Contains(',') || c.Contains('"') || c.Contains('\n') ? $"\"{c.Replace("\"", "\"\"")}\"" : c)) + "\r\n"));

    public static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        var width = rows.Max(r => r.Length);
        var data = rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => $"C{i}", i => (object)(i < r.Length ? r[i] : ""))).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data, printHeader: false);
        return stream.ToArray();
    }

    /// <summary>A BIFF8 workbook, as CNIPA's search system and older tools export; <paramref name="sheets"/> adds sheets before it.</summary>
    public static byte[] Xls(IEnumerable<string[]> rows, params string[] sheets)
    {
        var workbook = new HSSFWorkbook();
        foreach (var name in sheets) workbook.CreateSheet(name).CreateRow(0).CreateCell(0).SetCellValue("说明");
        var sheet = workbook.CreateSheet("检索结果");
        var i = 0;
        foreach (var values in rows)
        {
            var row = sheet.CreateRow(i++);
            for (var c = 0; c < values.Length; c++) row.CreateCell(c).SetCellValue(values[c]);
        }
        using var stream = new MemoryStream();
        workbook.Write(stream);
        return stream.ToArray();
    }
}
