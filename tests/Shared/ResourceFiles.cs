using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplace.Tests.Shared;

/// <summary>The two string tables as written in the repository: the neutral one (English, for keys that are not
/// English text, such as "PatentType.UtilityModel") and the Chinese one.</summary>
public static partial class ResourceFiles
{
    public static string Root { get; } = FindRoot();

    public static string Folder => Path.Combine(Root, "src", "Marketplace.Web", "Features", "Localization");

    public static IReadOnlyDictionary<string, string> English { get; } = Load("SharedResource.resx");

    public static IReadOnlyDictionary<string, string> Chinese { get; } = Load("SharedResource.zh-CN.resx");

    /// <summary>Keys that are names rather than English text ("Type.Value", "AuditAction.X", "Role.X", …) need an English entry too.</summary>
    public static bool IsName(string key) => NamePattern().IsMatch(key);

    public static IEnumerable<int> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value));

    /// <summary>Whether a key reads as English words (so its Chinese must contain Chinese characters).</summary>
    public static bool HasWords(string key) => WordPattern().IsMatch(PlaceholderPattern().Replace(key, ""));

    public static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static Dictionary<string, string> Load(string file)
    {
        var entries = XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? "")).ToList();
        // The resource compiler ignores a name that differs from another only in case ("Approved" and "approved"), so
        // one of the two would silently fall back to its key.
        var duplicates = entries.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{file} has duplicate keys: {string.Join(" | ", duplicates)}");
        return entries.ToDictionary(e => e.Key, e => e.Value);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Marketplace.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]+\.[A-Za-z]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex WordPattern();
}
