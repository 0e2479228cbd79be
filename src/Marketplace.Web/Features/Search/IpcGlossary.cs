namespace Marketplace.Web.Features.Search;

/// <summary>
/// Plain words for the IPC subclasses common in the zone's industries and the names of every class, in Chinese and
/// English, so a query for 船舶 or "ship" finds a patent classified B63B even when its title says 船体 or "hull", and a
/// field can be shown by name.
/// </summary>
public static class IpcGlossary
{
    private static readonly Dictionary<string, string> Subclasses = new()
    {
        ["A01K"] = "养殖 渔业 aquaculture fishing", ["A61B"] = "诊断 外科 手术 医疗器械 diagnosis surgery surgical medical device",
        ["A61F"] = "假体 支架 植入物 prosthesis stent implant", ["A61H"] = "康复 理疗 rehabilitation physiotherapy",
        ["A61K"] = "药物 制剂 medicine pharmaceutical", ["A61M"] = "输液 导管 注射 infusion catheter injection medical device",
        ["B23K"] = "焊接 切割 welding cutting", ["B63B"] = "船舶 船体 海洋 ship vessel hull marine", ["B63H"] = "船舶推进 推进器 ship propulsion thruster",
        ["B63C"] = "水下作业 潜水 underwater diving", ["C02F"] = "水处理 污水 water treatment wastewater",
        ["C04B"] = "陶瓷 水泥 ceramics cement", ["C08J"] = "复合材料 高分子加工 composite polymer processing", ["C08L"] = "高分子 聚合物 polymer plastics",
        ["C09D"] = "涂料 涂层 coating paint", ["C22C"] = "合金 金属材料 alloy metal material", ["C23C"] = "表面处理 镀膜 surface treatment coating",
        ["E02D"] = "基础 桩基 foundation pile", ["G01C"] = "导航 测量 定位 navigation surveying positioning",
        ["G01N"] = "检测 分析 测试 inspection analysis testing", ["G01S"] = "雷达 声呐 定位 radar sonar positioning",
        ["G06F"] = "计算机 数据处理 computer data processing", ["G06N"] = "人工智能 神经网络 artificial intelligence neural network",
        ["G06V"] = "图像识别 视觉 image recognition vision", ["H01M"] = "电池 储能 battery energy storage", ["H01Q"] = "天线 antenna",
        ["H02J"] = "供电 配电 power supply distribution", ["H03M"] = "编码 模数转换 coding analogue digital conversion",
        ["H04B"] = "通信 传输 communication transmission", ["H04W"] = "无线通信 物联网 wireless communication internet of things",
        ["H05K"] = "电路板 电子元件 printed circuit electronic component",
    };

    /// <summary>Words indexed with a patent for its main field: the subclass's plain words where we have them and the
    /// name of its class; its other codes add their class names. Section names are too broad to help a search.</summary>
    public static string Describe(IEnumerable<string> ipcCodes)
    {
        var words = new List<string>();
        foreach (var code in ipcCodes.Where(c => c.Length >= 4))
        {
            if (Subclasses.TryGetValue(code[..4], out var subclass)) words.Add(subclass);
            if (IpcNames.Classes.TryGetValue(code[..3], out var name)) words.Add($"{name.Zh} {name.En}");
        }
        return string.Join(" ", words.Distinct());
    }

    /// <summary>A subclass, class or section by name, Chinese and English: the subclass's own words where we have
    /// them, else its class's name.</summary>
    public static (string Zh, string En) Name(string code)
    {
        if (code.Length >= 4 && Subclasses.TryGetValue(code[..4], out var words))
        {
            var english = words.IndexOf(words.FirstOrDefault(char.IsAsciiLetter));
            return (words[..english].Trim().Replace(' ', '、'), words[english..].Trim());
        }
        if (code.Length >= 3 && IpcNames.Classes.TryGetValue(code[..3], out var name)) return name;
        return code.Length >= 1 && IpcNames.Sections.TryGetValue(code[0], out var section) ? section : (code, code);
    }
}
