using Marketplace.Domain.Patents;

namespace Marketplace.Web.Tests;

/// <summary>Valid patent and listing bodies for API tests; each number n gives a distinct application number.</summary>
public static class PatentSamples
{
    public static string Number(int n, int typeDigit = 1)
    {
        var digits = $"2019{typeDigit}{n:D7}";
        return $"{digits}.{ApplicationNumber.CheckCharacter(digits)}";
    }

    public static Dictionary<string, object?> Patent(int n) => new()
    {
        ["applicationNumber"] = Number(n),
        ["type"] = "Invention",
        ["titleZh"] = $"一种用于船舶的智能导航装置{n}",
        ["titleEn"] = $"Intelligent navigation device for ships {n}",
        ["abstractZh"] = "本发明公开了一种用于船舶的智能导航装置及方法。",
        ["ipcCodes"] = new[] { "G01C 21/20", "B63B 49/00" },
        ["inventors"] = new[] { "张三", "李四" },
        ["filingDate"] = "2019-03-15",
        ["grantDate"] = "2021-06-01",
        ["legalStatus"] = "Valid",
    };

    public static object Licence(decimal lumpSum = 200000m, decimal royalty = 3m) => new
    {
        licence = new { kind = "NonExclusive", territory = "中国大陆", termMonths = 36, lumpSum, royaltyRatePercent = royalty },
    };

    public static string CsvHeader =>
        "申请号,专利名称,摘要,申请日,授权公告日,主分类号,IPC分类号,专利权人,发明人,法律状态,交易方式,许可类型,许可期限(月),许可费(元),转让价格(元)";

    public static string CsvRow(int n, string? title = null, string ipc = "A61B 17/34") =>
        $"{Number(n)},{title ?? $"一种微创手术吻合器{n}"},一种微创手术用吻合器。,2019-03-15,2021-06-01,{ipc},{ipc},,王五；赵六,有效,许可；转让,普通许可,24,150000,面议";
}
