using System.Text.RegularExpressions;

namespace Marketplace.Benchmarks;

/// <summary>
/// docs/benchmarks.md holds one section per benchmark. A section between <c>&lt;!-- name:start --&gt;</c> and
/// <c>&lt;!-- name:end --&gt;</c> markers is replaced on its own, so each benchmark can be rerun without the others.
/// </summary>
internal static partial class BenchmarkDoc
{
    public static async Task WriteSectionAsync(string path, string name, string markdown)
    {
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmarks\n";
        var block = $"<!-- {name}:start -->\n{markdown.TrimEnd()}\n<!-- {name}:end -->";
        var existing = new Regex($"<!-- {Regex.Escape(name)}:start -->.*?<!-- {Regex.Escape(name)}:end -->", RegexOptions.Singleline);
        text = existing.IsMatch(text) ? existing.Replace(text, block.Replace("$", "$$")) : text.TrimEnd() + "\n\n" + block + "\n";
        await File.WriteAllTextAsync(path, text);
    }

    /// <summary>A whole-file rewrite (the search benchmark's) that keeps the marked sections other benchmarks wrote.</summary>
    public static async Task WriteKeepingSectionsAsync(string path, string markdown)
    {
        var kept = File.Exists(path) ? Marked().Matches(await File.ReadAllTextAsync(path)).Select(m => m.Value).ToList() : [];
        await File.WriteAllTextAsync(path, markdown.TrimEnd() + "\n" + string.Concat(kept.Select(k => "\n" + k + "\n")));
    }

    [GeneratedRegex(@"<!-- (\w+):start -->.*?<!-- \1:end -->", RegexOptions.Singleline)]
    private static partial Regex Marked();
}
