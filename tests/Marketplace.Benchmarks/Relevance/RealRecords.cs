using System.IO.Compression;
using System.Text.Json;
using Marketplace.Domain.Patents;

namespace Marketplace.Benchmarks.Relevance;

/// <summary>One real CNIPA record from data/patents, in the fields the benchmarks use.</summary>
/// <param name="Subclass">The main IPC subclass (e.g. G01N): the topic a search or match is judged by. Null for BDCI records.</param>
/// <param name="Label">The BDCI 2022 technology class (0–35), the topic of BDCI records; null elsewhere.</param>
internal sealed record RealRecord(
    string Source, string Id, string Title, string Abstract, IReadOnlyList<string> IpcCodes, string? Subclass, int? Label,
    string Applicant, string? PublicationNumber, string? ApplicationNumber, PatentType Type)
{
    /// <summary>What a search or match is judged by: records on the same topic are relevant to each other.</summary>
    public string Topic => Subclass ?? $"label {Label}";
}

/// <summary>
/// Reads the gzip JSON-lines files of data/patents (their README says what each holds). Records without a title or
/// without IPC codes (design patents are classed by Locarno instead) are left out, except BDCI's, which have a
/// class label instead; IPC codes are normalised as the domain does.
/// </summary>
internal static class RealRecords
{
    public const string Folder = "data/patents";
    public const string GreenAviation = "greenaviation", Yinwenzhi = "yinwenzhi", Renyidake = "renyidake", Bdci = "bdci";

    public static IReadOnlyList<RealRecord> Load(string folder = Folder) =>
    [
        .. Read(folder, "greenaviation_patsnap_cn.jsonl.gz", GreenAviationRecord),
        .. Read(folder, "yinwenzhi_sipo_epub.jsonl.gz", YinwenzhiRecord),
        .. Read(folder, "renyidake_patsnap_zhongzhixin.jsonl.gz", RenyidakeRecord),
        .. Read(folder, "bdci2022_title_assignee_abstract.jsonl.gz", BdciRecord),
    ];

    private static List<RealRecord> Read(string folder, string file, Func<JsonElement, RealRecord?> map)
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(folder, file)), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        var records = new List<RealRecord>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            if (map(json.RootElement) is { Title.Length: > 0 } record) records.Add(record);
        }
        return records;
    }

    private static RealRecord? GreenAviationRecord(JsonElement r)
    {
        var codes = Codes(Text(r, "ipc").Split('|'));
        var main = Codes(Text(r, "ipc_main").Split('|')).FirstOrDefault() ?? codes.FirstOrDefault();
        if (main is null) return null;
        var type = Text(r, "patent_type") == "实用新型" ? PatentType.UtilityModel : PatentType.Invention;
        return new(GreenAviation, Text(r, "pub_no"), Text(r, "title"), Text(r, "abstract"), MainFirst(codes, main), main[..4], null,
            Text(r, "applicant"), Text(r, "pub_no"), null, type);
    }

    /// <summary>"G06F17/22(2006.01)I; G06F17/27(2006.01)I": the version in brackets and the I/N mark go. The first
    /// code is the main one, as on CNIPA's publication.</summary>
    private static RealRecord? YinwenzhiRecord(JsonElement r)
    {
        var codes = Codes(Text(r, "ipc").Split(';').Select(c => c.Split('(')[0]));
        return codes.Count == 0 ? null
            : new(Yinwenzhi, Text(r, "app_no"), Text(r, "title"), Text(r, "abstract_tail_truncated"), codes, codes[0][..4], null,
                Text(r, "applicant"), Text(r, "pub_no"), Text(r, "app_no"), PatentType.Invention);
    }

    /// <summary>Titles, IPC codes and the main subclass; no abstract.</summary>
    private static RealRecord? RenyidakeRecord(JsonElement r)
    {
        var codes = Codes(Text(r, "IPC分类号").Split('|'));
        var subclass = Text(r, "IPC主分类号小类");
        if (codes.Count == 0 || subclass.Length != 4) return null;
        var main = codes.FirstOrDefault(c => c.StartsWith(subclass, StringComparison.Ordinal)) ?? codes[0];
        var type = Text(r, "专利类型") == "实用新型" ? PatentType.UtilityModel : PatentType.Invention;
        return new(Renyidake, Text(r, "公开公告号"), Text(r, "标题"), "", MainFirst(codes, main), subclass, null,
            Text(r, "当前申请专利权人"), Text(r, "公开公告号"), null, type);
    }

    private static RealRecord BdciRecord(JsonElement r) =>
        new(Bdci, Text(r, "id"), Text(r, "title"), Text(r, "abstract"), [], null, r.GetProperty("label_id").GetInt32(),
            Text(r, "assignee"), null, null, PatentType.Invention);

    private static List<string> Codes(IEnumerable<string> raw) =>
        raw.Select(c => IpcCode.TryParse(c, out var code) ? code.Value : null).OfType<string>().Distinct().ToList();

    private static List<string> MainFirst(List<string> codes, string main) => [main, .. codes.Where(c => c != main)];

    private static string Text(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : "";
}
