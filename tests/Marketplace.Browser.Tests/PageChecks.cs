using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// What every page must pass: no console error (CSP violations included) and no WCAG 2.1 A/AA violation that axe-core
/// finds; a full-page screenshot of each is kept under TestResults/screenshots as an artefact of the run (looked at
/// by people, not compared pixel by pixel).
/// </summary>
internal static class PageChecks
{
    public static readonly string ScreenshotFolder = Path.Combine(FindResults(), "screenshots");

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Collects the page's console errors and uncaught exceptions from now on.</summary>
    public static List<string> WatchConsole(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{page.Url}: {message.Text}"); };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        return errors;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>The axe violations of the page as readable lines (rule, help, the first elements), empty when it passes.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        return result.Violations
            .Select(v => $"{page.Url}: {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    // TestResults/ at the repository root (where ./marketplace.sh test keeps its artefacts), found from the test's folder.
    private static string FindResults()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? Path.GetTempPath(), "TestResults");
    }
}
